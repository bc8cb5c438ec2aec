import { FACTOR_KEYS, FACTORS, type AccountOwner, type FactorAccount, type FactorKey, type FactorMovement, type OwnerKind } from '../../../../common/src/factors.ts';

/** The owners shown as units of the city: the pool, the county-level units and the zones (not projects, not outside). */
export const UNIT_KINDS: readonly OwnerKind[] = ['city', 'county', 'zone'];
const isUnit = (o: AccountOwner) => UNIT_KINDS.includes(o.kind);
export const unitKey = (o: Pick<AccountOwner, 'kind' | 'code'>) => `${o.kind}:${o.code}`;

const byUnitOrder = (a: AccountOwner, b: AccountOwner) => UNIT_KINDS.indexOf(a.kind) - UNIT_KINDS.indexOf(b.kind) || a.code.localeCompare(b.code);

/** Sums kept to the ledger's 4 decimals, so 0.1 + 0.2 shows as 0.3. */
const add = (a: number, b: number) => Math.round((a + b) * 1e4) / 1e4;

export interface BalanceRow {
  key: string;
  owner: AccountOwner;
  /** Balance per factor; funds summed over their funding sources. Missing: the unit has no such account. */
  balances: Partial<Record<FactorKey, number>>;
}

/** Rows = city pool, counties, zones (in code order); one balance per factor, funds summed over sources. */
export function balanceRows(accounts: readonly FactorAccount[]): BalanceRow[] {
  const rows = new Map<string, BalanceRow>();
  for (const a of accounts) {
    if (!isUnit(a.owner)) continue;
    const key = unitKey(a.owner);
    const row = rows.get(key) ?? { key, owner: a.owner, balances: {} };
    row.balances[a.factor] = add(row.balances[a.factor] ?? 0, a.balance);
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => byUnitOrder(a.owner, b.owner));
}

/** Factors present among the accounts, in the canonical order. */
export const factorsOf = (accounts: readonly FactorAccount[]): FactorKey[] => FACTOR_KEYS.filter((f) => accounts.some((a) => a.factor === f));

export const factorHeader = (f: FactorKey) => `${FACTORS[f].name}（${FACTORS[f].unit}）`;

/** The calendar month (YYYY-MM) of an instant in China, the ledger's calendar. */
export const chinaMonth = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 7);

export interface MonthlyTrend {
  /** YYYY-MM, January of the year up to its last month that has begun (the current one for this year). */
  months: string[];
  series: { key: string; owner: AccountOwner; values: number[] }[];
}

/**
 * Each unit's balance at the end of each month of `year`, rebuilt from the movements of one factor's
 * `year` accounts (the ledger's credits minus its debits up to that month's end, earlier years' posting
 * included). The last month's figure equals today's balance when `movements` is the whole ledger.
 */
export function monthEndBalances(movements: readonly FactorMovement[], year: number, now: Date = new Date()): MonthlyTrend {
  const current = chinaMonth(now.toISOString());
  const months: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    if (month > current) break;
    months.push(month);
  }
  const owners = new Map<string, AccountOwner>();
  // Net change per unit per month index (-1: before January).
  const deltas = new Map<string, Map<number, number>>();
  const post = (o: AccountOwner, month: string, amount: number) => {
    if (!isUnit(o)) return;
    const key = unitKey(o);
    owners.set(key, o);
    const index = month < months[0]! ? -1 : months.indexOf(month);
    if (index === -1 && month >= months[0]!) return; // after the last month shown
    const perMonth = deltas.get(key) ?? new Map<number, number>();
    perMonth.set(index, add(perMonth.get(index) ?? 0, amount));
    deltas.set(key, perMonth);
  };
  if (months.length) {
    for (const m of movements) {
      if (m.year !== year) continue;
      const month = chinaMonth(m.createdAt);
      post(m.from.owner, month, -m.amount);
      post(m.to.owner, month, m.amount);
    }
  }
  const series = [...owners.entries()]
    .sort(([, a], [, b]) => byUnitOrder(a, b))
    .map(([key, owner]) => {
      const perMonth = deltas.get(key)!;
      let running = perMonth.get(-1) ?? 0;
      const values = months.map((_, i) => (running = add(running, perMonth.get(i) ?? 0)));
      return { key, owner, values };
    });
  return { months, series };
}

/** 1234.5 → "1,234.5": at most 4 decimals, as the ledger keeps them. */
export const formatAmount = (x: number) => x.toLocaleString('zh-CN', { maximumFractionDigits: 4 });
