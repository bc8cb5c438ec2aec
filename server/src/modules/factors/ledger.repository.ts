import type { Knex } from 'knex';
import { EXTERNAL_CODE, type AccountRef, type FactorKey, type FactorRule, type MovementRequest, type OwnerKind } from '../../../../common/src/factors.ts';
import { sqlFile } from '../../db/sql-file.ts';
import { openAccounts, type AccountIdentity, type AccountRow, type Db } from './accounts.repository.ts';
import { pgArray } from '../../db/pg-array.ts';
import { loanState, type LoanState } from './loans.repository.ts';
import type { MovementInsert } from './movements.repository.ts';
import { toRule, type RuleRow } from './rules.repository.ts';

/** The region or project behind an owner reference, as accounts.sql names the owner of its accounts. */
export interface NamedOwner {
  regionId: number | null;
  projectId: number | null;
  code: string;
  name: string;
  projectRegionId: number | null;
}

export interface PostingContext {
  /** The movement already posted under this request key, if any. */
  seen: { id: number; requestHash: string } | null;
  /** The account each side names; null when it does not exist (or the reference needs ownerByCode). */
  sides: Record<'from' | 'to', AccountRow | null>;
  /** Every enabled pooling rule of the movement kind, by id. */
  rules: FactorRule[];
}

function sideBindings(prefix: 'from' | 'to', ref: AccountRef) {
  const b = (id: number | null, fast: boolean, fastCode: string | null, factor: string | null, kind: string | null, year: number | null, fundingSource: string | null) => ({
    [`${prefix}Id`]: id, [`${prefix}Fast`]: fast, [`${prefix}FastCode`]: fastCode, [`${prefix}Factor`]: factor, [`${prefix}Kind`]: kind, [`${prefix}Year`]: year, [`${prefix}FundingSource`]: fundingSource,
  });
  if (typeof ref === 'number') return b(ref, false, null, null, null, null, null);
  const { kind, code } = ref.owner;
  // By owner code when the owner is named (the city and the external account need no code).
  const fast = kind === 'city' || kind === 'external' || Boolean(code);
  return b(null, fast, kind === 'external' ? EXTERNAL_CODE : (code ?? null), ref.factor, kind, ref.year, ref.fundingSource ?? '');
}

/** Everything the service checks before posting, in the usual case one statement (sql/posting-context.sql); locks nothing. */
export async function postingContext(db: Db, req: MovementRequest): Promise<PostingContext> {
  const res = await db.raw(sqlFile(import.meta.url, 'posting-context.sql'), {
    requestKey: req.requestKey,
    kind: req.kind,
    ...sideBindings('from', req.from),
    ...sideBindings('to', req.to),
  });
  const [from, to] = res.rows as (AccountRow & { side: string; seen: { id: number; requestHash: string } | null; rules: RuleRow[] })[];
  const account = (r: typeof from): AccountRow | null => {
    if (r!.id === null) return null;
    const { side: _side, seen: _seen, rules: _rules, ...row } = r!;
    return row;
  };
  return {
    seen: from!.seen ? { id: Number(from!.seen.id), requestHash: from!.seen.requestHash } : null,
    sides: { from: account(from), to: account(to) },
    rules: from!.rules.map(toRule),
  };
}

/**
 * The region or project an owner reference names when its account was not found (first use, or an
 * unknown owner): a region of that level by code (the city needs none), a project by code.
 */
export async function ownerByCode(db: Db, kind: OwnerKind, code: string | undefined): Promise<NamedOwner | undefined> {
  if (kind === 'project') {
    const p = code ? await db('projects').where({ code }).first('id', 'code', 'name', 'region_id') : undefined;
    return p ? { regionId: null, projectId: p.id, code: p.code, name: p.name, projectRegionId: p.region_id } : undefined;
  }
  if (!code && kind !== 'city') return undefined;
  const q = db('regions').where({ level: kind });
  const r = await (code ? q.andWhere({ code }) : q).first('id', 'code', 'name');
  return r ? { regionId: r.id, projectId: null, code: r.code, name: r.name, projectRegionId: null } : undefined;
}

/** The city pool of a factor, year and funding source (sql/city-pool.sql): the city and its account if open. */
export async function cityPool(db: Db, factor: FactorKey, year: number, fundingSource: string): Promise<{ owner: NamedOwner; accountId: number | null } | undefined> {
  const res = await db.raw(sqlFile(import.meta.url, 'city-pool.sql'), { factor, year, fundingSource });
  const c = res.rows[0];
  return c ? { owner: { regionId: c.region_id, projectId: null, code: c.code, name: c.name, projectRegionId: null }, accountId: c.account_id } : undefined;
}

/** An account of a posting: its row, and its identity when it is to be opened first (its id is then unknown). */
export interface PostingAccount {
  row: AccountRow;
  open?: AccountIdentity;
}

export type MovementFields = Omit<MovementInsert, 'fromAccountId' | 'toAccountId' | 'operatorId' | 'requestHash'>;

export interface Posting {
  from: PostingAccount;
  to: PostingAccount;
  /** The city pool, when pooled movements follow. */
  city?: PostingAccount;
  /** False for the external contra account, which may go below zero. */
  checkBalance: boolean;
  movement: MovementFields;
  /** 统筹 movements from the credited account to the city pool, related to the movement. */
  pooled: { amount: number; reason: string; requestKey: string; rule: string }[];
  operator: { id: number; username: string };
  requestHash: string;
  ip: string | null;
  /** For 归还: run under the lock, on the loan as committed when the lock was granted; throws to refuse. */
  checkLoan?: (loan: LoanState | undefined, accounts: { from: number; to: number }) => void;
}

export type Posted =
  | { ok: false; available: number }
  | { ok: true; accounts: { from: number; to: number; city?: number }; movement: Written; pooled: Written[] };

export interface Written {
  id: number;
  createdAt: string;
  insert: MovementInsert;
}

/**
 * Posts a movement in the caller's transaction (READ COMMITTED): opens the accounts credited for the
 * first time, locks every account touched (sql/post-movements.sql, ascending ids), checks the debited
 * balance under the lock and inserts the movement with its audit record; pooled 统筹 movements and their
 * audit records follow under the same locks. Statements: one, plus one when an account is opened, two
 * for a repayment (the lock, then the loan), one when a pooling rule applies.
 */
export async function postMovement(trx: Knex.Transaction, p: Posting): Promise<Posted> {
  const slots = [p.from, p.to, ...(p.city ? [p.city] : [])];
  const opening = slots.filter((s) => s.open);
  const opened = await openAccounts(trx, opening.map((s) => s.open!));
  const idOf = (s: PostingAccount) => (s.open ? opened[opening.indexOf(s)]! : s.row.id);
  const accounts = { from: idOf(p.from), to: idOf(p.to), ...(p.city ? { city: idOf(p.city) } : {}) };
  const lockIds = [...new Set(Object.values(accounts))].sort((a, b) => a - b);

  if (p.checkLoan) {
    // The repayment limit needs the loan read after the borrower's lock is granted, in a statement of its own.
    await trx.raw(`select id from factor_accounts where id = any(:ids::int[]) order by id for update`, { ids: pgArray(lockIds) });
    p.checkLoan(await loanState(trx, p.movement.relatedMovementId!), accounts);
  }

  const base = { operatorId: p.operator.id, requestHash: p.requestHash };
  const main: MovementInsert = { ...p.movement, fromAccountId: accounts.from, toAccountId: accounts.to, ...base };
  const [first] = await write(trx, p, lockIds, [main], {}, true);
  if (!first!.ok) return { ok: false, available: first!.available };
  const movement = { id: first!.id!, createdAt: first!.createdAt!, insert: main };

  const pooled: Written[] = [];
  if (p.pooled.length && accounts.city !== undefined) {
    const inserts = p.pooled.map((x): MovementInsert => ({
      kind: '统筹', fromAccountId: accounts.to, toAccountId: accounts.city!, amount: x.amount, priceWan: null, dueDate: null, relatedMovementId: movement.id,
      documentNo: p.movement.documentNo, reason: x.reason, requestKey: x.requestKey, ...base,
    }));
    const rows = await write(trx, p, lockIds, inserts, Object.fromEntries(p.pooled.map((x) => [x.requestKey, { rule: x.rule, relatedMovementId: movement.id }])), false);
    for (const r of rows) pooled.push({ id: r.id!, createdAt: r.createdAt!, insert: inserts.find((m) => m.requestKey === r.requestKey)! });
  }
  return { ok: true, accounts, movement, pooled };
}

interface WriteRow {
  ok: boolean;
  available: number;
  id?: number;
  createdAt?: string;
  requestKey?: string;
}

async function write(trx: Knex.Transaction, p: Posting, lockIds: number[], ms: MovementInsert[], extra: Record<string, Record<string, unknown>>, checkBalance: boolean): Promise<WriteRow[]> {
  const movements = ms.map((m, ord) => ({
    ord, kind: m.kind, from_account_id: m.fromAccountId, to_account_id: m.toAccountId, amount: m.amount, price_wan: m.priceWan, due_date: m.dueDate,
    related_movement_id: m.relatedMovementId, document_no: m.documentNo, reason: m.reason, request_key: m.requestKey,
    detail: { factor: p.to.row.factor, fromAccountId: m.fromAccountId, toAccountId: m.toAccountId, amount: m.amount, documentNo: m.documentNo, requestKey: m.requestKey, ...extra[m.requestKey] },
  }));
  const res = await trx.raw(sqlFile(import.meta.url, 'post-movements.sql'), {
    lockIds: pgArray(lockIds),
    debitId: ms[0]!.fromAccountId,
    checkBalance: checkBalance && p.checkBalance,
    amount: ms[0]!.amount,
    movements: JSON.stringify(movements),
    operatorId: p.operator.id,
    actorUsername: p.operator.username,
    requestHash: p.requestHash,
    ip: p.ip,
  });
  return res.rows.map((r: { ok: boolean; available: number; id: number | null; created_at: Date | null; request_key: string | null }) => ({
    ok: r.ok,
    available: Number(r.available),
    ...(r.id === null ? {} : { id: Number(r.id), createdAt: new Date(r.created_at!).toISOString(), requestKey: r.request_key! }),
  }));
}
