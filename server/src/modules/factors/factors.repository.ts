import type { Knex } from 'knex';
import {
  EXTERNAL_CODE,
  FACTORS,
  OWNER_KIND_NAMES,
  type AccountOwner,
  type FactorAccount,
  type FactorKey,
  type FactorLoan,
  type FactorMovement,
  type FactorRule,
  type MovementKind,
  type OwnerKind,
} from '../../../../common/src/factors.ts';
import { sqlFile } from '../../db/sql-file.ts';

type Db = Knex | Knex.Transaction;

export interface AccountRow {
  id: number;
  factor: FactorKey;
  owner_kind: OwnerKind;
  region_id: number | null;
  project_id: number | null;
  year: number;
  unit: string;
  funding_source: string;
  balance: number;
  owner_code: string | null;
  owner_name: string | null;
  project_region_id: number | null;
}

export interface Visibility {
  factors: readonly FactorKey[];
  projectRegionId: number | null;
}

const pgArray = (values: readonly (string | number)[]) => `{${values.join(',')}}`;

const owner = (kind: OwnerKind, code: string | null, name: string | null): AccountOwner =>
  kind === 'external' ? { kind, code: EXTERNAL_CODE, name: OWNER_KIND_NAMES.external } : { kind, code: code ?? '', name: name ?? '' };

export const accountOwner = (r: AccountRow) => owner(r.owner_kind, r.owner_code, r.owner_name);
export const accountLabel = (r: AccountRow) => `${accountOwner(r).name}${FACTORS[r.factor].name}（${r.year}年${r.funding_source ? `，${r.funding_source}` : ''}）`;

export const toAccount = (r: AccountRow): FactorAccount => ({
  id: r.id,
  factor: r.factor,
  factorName: FACTORS[r.factor].name,
  owner: accountOwner(r),
  year: r.year,
  unit: r.unit,
  fundingSource: r.funding_source,
  balance: Number(r.balance),
});

export interface AccountFilter {
  factor?: string;
  ownerKind?: string;
  year?: number;
  region?: string;
  ids?: number[];
  ownerCode?: string;
  fundingSource?: string;
}

export async function listAccounts(db: Db, visibility: Visibility, f: AccountFilter = {}): Promise<AccountRow[]> {
  const res = await db.raw(sqlFile(import.meta.url, 'accounts.sql'), {
    factors: pgArray(visibility.factors),
    projectRegionId: visibility.projectRegionId,
    factor: f.factor ?? null,
    ownerKind: f.ownerKind ?? null,
    year: f.year ?? null,
    region: f.region ?? null,
    ids: f.ids ? pgArray(f.ids) : null,
    ownerCode: f.ownerCode ?? null,
    fundingSource: f.fundingSource ?? null,
  });
  return res.rows;
}

export interface OwnerIdentity {
  kind: OwnerKind;
  regionId: number | null;
  projectId: number | null;
}

/** Region or project behind an owner reference; undefined when the code is unknown or of another level. */
export async function findOwner(db: Db, kind: OwnerKind, code: string | undefined): Promise<OwnerIdentity | undefined> {
  if (kind === 'external') return { kind, regionId: null, projectId: null };
  if (kind === 'project') {
    const p = code ? await db('projects').where({ code }).first('id') : undefined;
    return p ? { kind, regionId: null, projectId: p.id } : undefined;
  }
  const q = db('regions').where({ level: kind });
  const r = await (code ? q.andWhere({ code }) : kind === 'city' ? q : q.whereRaw('false')).first('id');
  return r ? { kind, regionId: r.id, projectId: null } : undefined;
}

const identity = (factor: FactorKey, o: OwnerIdentity, year: number, fundingSource: string) => ({
  factor,
  owner_kind: o.kind,
  region_id: o.regionId,
  project_id: o.projectId,
  year,
  funding_source: fundingSource,
});

export async function findAccountId(db: Db, factor: FactorKey, o: OwnerIdentity, year: number, fundingSource: string): Promise<number | undefined> {
  const row = await db('factor_accounts').where(identity(factor, o, year, fundingSource)).first('id');
  return row?.id;
}

/**
 * Opens an account at balance 0 when it does not exist yet (create on first use). ON CONFLICT on the
 * identity index makes two requests opening the same account at once meet on one row.
 */
export async function ensureAccount(db: Db, factor: FactorKey, o: OwnerIdentity, year: number, fundingSource: string): Promise<number> {
  await db.raw(
    `insert into factor_accounts (factor, owner_kind, region_id, project_id, year, unit, funding_source)
     values (:factor::text, :kind::text, :regionId::int, :projectId::int, :year::int, :unit::text, :fundingSource::text)
     on conflict (factor, owner_kind, coalesce(region_id, 0), coalesce(project_id, 0), year, funding_source) do nothing`,
    { factor, kind: o.kind, regionId: o.regionId, projectId: o.projectId, year, unit: FACTORS[factor].unit, fundingSource },
  );
  return (await findAccountId(db, factor, o, year, fundingSource))!;
}

/**
 * Row locks on the accounts a movement touches, taken in id order: every writer locks in the same order,
 * so two movements between the same accounts in opposite directions wait for each other instead of
 * deadlocking. Returns the balances as of the lock (READ COMMITTED re-reads the latest committed row).
 */
export async function lockAccounts(trx: Knex.Transaction, ids: number[]): Promise<Map<number, number>> {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  const res = await trx.raw(`select id, balance from factor_accounts where id = any(:ids::int[]) order by id for update`, { ids: pgArray(unique) });
  return new Map(res.rows.map((r: { id: number; balance: number }) => [r.id, Number(r.balance)]));
}

export interface MovementInsert {
  kind: MovementKind;
  fromAccountId: number;
  toAccountId: number;
  amount: number;
  priceWan: number | null;
  dueDate: string | null;
  relatedMovementId: number | null;
  documentNo: string;
  reason: string;
  operatorId: number | null;
  requestKey: string;
  requestHash: string;
}

/** The insert trigger (migration 1400) applies the debit and the credit to the two balances. */
export async function insertMovement(trx: Knex.Transaction, m: MovementInsert): Promise<{ id: number; createdAt: string }> {
  const [row] = await trx('factor_movements')
    .insert({
      kind: m.kind,
      from_account_id: m.fromAccountId,
      to_account_id: m.toAccountId,
      amount: m.amount,
      price_wan: m.priceWan,
      due_date: m.dueDate,
      related_movement_id: m.relatedMovementId,
      document_no: m.documentNo,
      reason: m.reason,
      operator_id: m.operatorId,
      request_key: m.requestKey,
      request_hash: m.requestHash,
    })
    .returning(['id', 'created_at']);
  return { id: Number(row.id), createdAt: new Date(row.created_at).toISOString() };
}

/** A movement just written, described from what the caller already holds (no read-back under the locks). */
export function movementOf(id: number, createdAt: string, m: MovementInsert, from: AccountRow, to: AccountRow, operator: string): FactorMovement {
  return {
    id,
    kind: m.kind,
    factor: from.factor,
    year: from.year,
    unit: from.unit,
    fundingSource: from.funding_source,
    from: { accountId: from.id, owner: accountOwner(from) },
    to: { accountId: to.id, owner: accountOwner(to) },
    amount: m.amount,
    priceWan: m.priceWan,
    dueDate: m.dueDate,
    relatedMovementId: m.relatedMovementId,
    documentNo: m.documentNo,
    reason: m.reason,
    operator,
    requestKey: m.requestKey,
    createdAt,
  };
}

export async function movementByKey(db: Db, requestKey: string): Promise<{ id: number; request_hash: string } | undefined> {
  const row = await db('factor_movements').where({ request_key: requestKey }).first('id', 'request_hash');
  return row ? { id: Number(row.id), request_hash: row.request_hash } : undefined;
}

export interface MovementFilter {
  factor?: string;
  kind?: string;
  year?: number;
  accountId?: number;
  region?: string;
  ids?: number[];
  dateFrom?: string;
  dateTo?: string;
  limit?: number;
  offset?: number;
}

interface MovementRow {
  id: string | number;
  kind: MovementKind;
  amount: number;
  price_wan: number | null;
  due_date: string | null;
  related_movement_id: string | number | null;
  document_no: string;
  reason: string;
  request_key: string;
  created_at: Date | string;
  operator: string | null;
  factor: FactorKey;
  year: number;
  unit: string;
  funding_source: string;
  from_account_id: number;
  from_kind: OwnerKind;
  from_code: string | null;
  from_name: string | null;
  to_account_id: number;
  to_kind: OwnerKind;
  to_code: string | null;
  to_name: string | null;
}

const toMovement = (r: MovementRow): FactorMovement => ({
  id: Number(r.id),
  kind: r.kind,
  factor: r.factor,
  year: r.year,
  unit: r.unit,
  fundingSource: r.funding_source,
  from: { accountId: r.from_account_id, owner: owner(r.from_kind, r.from_code, r.from_name) },
  to: { accountId: r.to_account_id, owner: owner(r.to_kind, r.to_code, r.to_name) },
  amount: Number(r.amount),
  priceWan: r.price_wan === null ? null : Number(r.price_wan),
  dueDate: r.due_date,
  relatedMovementId: r.related_movement_id === null ? null : Number(r.related_movement_id),
  documentNo: r.document_no,
  reason: r.reason,
  operator: r.operator,
  requestKey: r.request_key,
  createdAt: new Date(r.created_at).toISOString(),
});

const withFilter = (name: string) => sqlFile(import.meta.url, name).replace(/^FILTER$/m, sqlFile(import.meta.url, 'movement-filter.sql'));

/** One page of the ledger; the total is counted separately (skipped for look-ups by id). */
export async function listMovements(db: Db, visibility: Visibility, f: MovementFilter = {}, withTotal = false): Promise<{ items: FactorMovement[]; total: number }> {
  const bindings = {
    factors: pgArray(visibility.factors),
    projectRegionId: visibility.projectRegionId,
    factor: f.factor ?? null,
    kind: f.kind ?? null,
    year: f.year ?? null,
    accountId: f.accountId ?? null,
    region: f.region ?? null,
    ids: f.ids ? pgArray(f.ids) : null,
    dateFrom: f.dateFrom ?? null,
    dateTo: f.dateTo ?? null,
  };
  const res = await db.raw(withFilter('movements.sql'), { ...bindings, limit: f.limit ?? 100, offset: f.offset ?? 0 });
  const items = (res.rows as MovementRow[]).map(toMovement);
  if (!withTotal) return { items, total: items.length };
  const count = await db.raw(withFilter('movements-count.sql'), bindings);
  return { items, total: Number(count.rows[0].total) };
}

/** Movements a pooling rule posted along with a movement (their keys extend its request key). */
export async function derivedMovementIds(db: Db, id: number, requestKey: string): Promise<number[]> {
  const rows = await db('factor_movements').where({ related_movement_id: id, kind: '统筹' }).andWhere('request_key', 'like', `${requestKey.replace(/[\\%_]/g, '\\$&')}/%`).orderBy('id').select('id');
  return rows.map((r) => Number(r.id));
}

/** A loan (拆借) and what has been repaid on it; read under the borrower's account lock. */
export async function loanState(db: Db, loanId: number) {
  const loan = await db('factor_movements').where({ id: loanId, kind: '拆借' }).first('id', 'from_account_id', 'to_account_id', 'amount', 'due_date');
  if (!loan) return undefined;
  const repaid = await db('factor_movements').where({ related_movement_id: loanId, kind: '归还' }).sum({ s: 'amount' }).first();
  return { fromAccountId: loan.from_account_id as number, toAccountId: loan.to_account_id as number, amount: Number(loan.amount), repaid: Number(repaid?.s ?? 0) };
}

interface LoanRow {
  movement_id: string | number;
  factor: FactorKey;
  year: number;
  unit: string;
  amount: number;
  due_date: string;
  document_no: string;
  repaid: number;
  outstanding: number;
  lender_kind: OwnerKind;
  lender_code: string;
  lender_name: string;
  borrower_kind: OwnerKind;
  borrower_code: string;
  borrower_name: string;
  overdue_days: number;
}

export async function listLoans(db: Db, factors: readonly FactorKey[], o: { asOf: string; openOnly: boolean; overdueOnly: boolean }): Promise<FactorLoan[]> {
  const res = await db.raw(sqlFile(import.meta.url, 'loans.sql'), { factors: pgArray(factors), ...o });
  return (res.rows as LoanRow[]).map((r) => ({
    movementId: Number(r.movement_id),
    factor: r.factor,
    year: r.year,
    unit: r.unit,
    lender: owner(r.lender_kind, r.lender_code, r.lender_name),
    borrower: owner(r.borrower_kind, r.borrower_code, r.borrower_name),
    amount: Number(r.amount),
    repaid: Number(r.repaid),
    outstanding: Number(r.outstanding),
    dueDate: r.due_date,
    overdue: Number(r.outstanding) > 0 && Number(r.overdue_days) > 0,
    overdueDays: Number(r.overdue_days),
    documentNo: r.document_no,
  }));
}

interface RuleRow {
  id: string;
  name: string;
  movement_kind: MovementKind;
  from_owner_kind: OwnerKind;
  to_owner_kind: OwnerKind;
  factors: FactorKey[];
  city_share: number;
  enabled: boolean;
  basis: string;
}

const toRule = (r: RuleRow): FactorRule => ({
  id: r.id,
  name: r.name,
  movementKind: r.movement_kind,
  fromOwnerKind: r.from_owner_kind,
  toOwnerKind: r.to_owner_kind,
  factors: r.factors,
  cityShare: Number(r.city_share),
  enabled: r.enabled,
  basis: r.basis,
});

export async function listRules(db: Db): Promise<FactorRule[]> {
  return (await db('factor_rules').orderBy('id')).map(toRule);
}

/** Enabled pooling rules that apply to a movement of this kind, factor and owner kinds. */
export async function rulesFor(db: Db, kind: MovementKind, factor: FactorKey, from: OwnerKind, to: OwnerKind): Promise<FactorRule[]> {
  const rows = await db('factor_rules')
    .where({ movement_kind: kind, from_owner_kind: from, to_owner_kind: to, enabled: true })
    .whereRaw('?::text = any(factors)', [factor])
    .orderBy('id');
  return rows.map(toRule);
}
