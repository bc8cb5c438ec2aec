import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import {
  FACTORS,
  FUNDING_SOURCES,
  MOVEMENT_RULES,
  movementShapeProblem,
  roundAmount,
  type AccountRef,
  type FactorKey,
  type FactorMovement,
  type MovementRequest,
} from '../../../../common/src/factors.ts';
import { FactorsErrors } from '../../../../common/src/contract/factors.errors.ts';
import { AppError, badRequest, conflict, notFoundOrNoAccess } from '../../http/app-error.ts';
import { assertCan } from '../../policy/access.policy.ts';
import type { Actor } from '../../policy/actor.ts';
import { accountVisibility, assertCanPost, type AccountScope } from '../../policy/factor.policy.ts';
import { accountLabel, listAccounts, type AccountRow, type OwnerIdentity } from './accounts.repository.ts';
import { cityPool, ownerByCode, postingContext, postMovement, type NamedOwner, type PostingAccount, type PostingContext } from './ledger.repository.ts';
import { listLoans, type LoanState } from './loans.repository.ts';
import { derivedMovementIds, listMovements, movementByKey, movementOf } from './movements.repository.ts';
import { chinaToday } from '../../../../common/src/working-days.ts';

/** Who posts and from where; demo seeding passes the city command account. */
export interface Poster {
  actor: Actor;
  ip: string | null;
}

export type PostedMovement = FactorMovement & { derived: FactorMovement[] };

interface Resolved {
  row: AccountRow | undefined;
  kind: AccountRow['owner_kind'];
  identity: OwnerIdentity;
  label: string;
  /** The credited side's account does not exist yet: row describes it, the posting opens it. */
  opens?: boolean;
}

/** Today in China (the ledger's calendar): due dates and overdue loans are judged by it. */
/** Today in China (the shared helper in common/, re-exported for this module's callers). */
export { chinaToday };

const ALL = { factors: Object.keys(FACTORS) as FactorKey[], projectRegionId: null };
const scopeOf = (a: AccountRow): AccountScope & { label: string } => ({
  factor: a.factor,
  ownerKind: a.owner_kind,
  regionId: a.region_id,
  projectRegionId: a.project_region_id,
  label: accountLabel(a),
});
const fmt = (x: number) => String(roundAmount(x));

/**
 * Posting a movement (the heart of the ledger).
 *
 * Isolation and locking: READ COMMITTED (the default) with explicit row locks. Every movement locks the
 * accounts it touches with SELECT … FOR UPDATE in ascending id order (the debited, the credited and, for
 * pooling rules, the city pool), so concurrent movements on one account queue on its row lock and
 * movements in opposite directions cannot deadlock. The balance check runs under that lock on the latest
 * committed balance, so it is exact: with 200 requests for 1 亩 against 50 亩 exactly 50 pass. We chose
 * this over SERIALIZABLE because serialization failures would have to be retried by every client, and
 * over a bare conditional UPDATE because the repayment limit of a loan and the pooling rule need the
 * lock held across several statements. The insert trigger on factor_movements applies the balances
 * (nothing else may change them) and the CHECK balance >= 0 stays the last line of defence.
 *
 * The movement, the balances, any pooled 统筹 movement and one audit record per movement commit in one
 * transaction. Idempotency: request_key is UNIQUE; a retry with the same key and the same body gets the
 * original movement (200), another body under a used key gets 409. Two first attempts racing with one
 * key meet on the unique index: the loser's transaction rolls back and it answers as a retry.
 */
export class FactorsService {
  constructor(private readonly db: Knex) {}

  async accounts(actor: Actor, filter: { factor?: string; ownerKind?: string; year?: number; region?: string }) {
    assertCan(actor, 'factors.read', '要素台账');
    return listAccounts(this.db, accountVisibility(actor), filter);
  }

  async movements(actor: Actor, filter: Parameters<typeof listMovements>[2]) {
    assertCan(actor, 'factors.read', '要素台账');
    return listMovements(this.db, accountVisibility(actor), filter, true);
  }

  async loans(actor: Actor, o: { overdueOnly: boolean; openOnly: boolean; asOf?: string }) {
    assertCan(actor, 'factors.read', '要素台账');
    return listLoans(this.db, accountVisibility(actor).factors, { ...o, asOf: o.asOf ?? chinaToday() });
  }

  async post(actor: Actor, req: MovementRequest, ip: string | null, trx?: Knex.Transaction): Promise<{ status: 200 | 201; movement: PostedMovement }> {
    assertCan(actor, 'factors.manage', '要素台账记账');
    const hash = requestHash(actor.id, req);
    if (trx) return this.postIn(trx, { actor, ip }, req, hash);
    try {
      return await this.db.transaction((t) => this.postIn(t, { actor, ip }, req, hash));
    } catch (err) {
      const e = err as { code?: string; constraint?: string };
      if (e.code === '23505' && e.constraint === 'factor_movements_request_key_unique') {
        const replay = await this.replay(req.requestKey, hash);
        if (replay) return replay;
      }
      throw err;
    }
  }

  /** A request key seen before: the original movement for the same body, 409 for another. */
  private async replay(requestKey: string, hash: string, db: Knex | Knex.Transaction = this.db) {
    const seen = await movementByKey(db, requestKey);
    return seen ? this.replayOf(db, requestKey, hash, { id: seen.id, requestHash: seen.request_hash }) : undefined;
  }

  private async replayOf(db: Knex | Knex.Transaction, requestKey: string, hash: string, seen: { id: number; requestHash: string }) {
    if (seen.requestHash !== hash) throw conflict(`请求编号 ${requestKey} 已用于另一笔不同内容的业务，请使用新的请求编号`, { movementId: seen.id }, FactorsErrors.REQUEST_KEY_REUSED);
    return { status: 200 as const, movement: await this.posted(db, seen.id, requestKey) };
  }

  private async posted(db: Knex | Knex.Transaction, id: number, requestKey: string): Promise<PostedMovement> {
    const { items } = await listMovements(db, ALL, { ids: [id] });
    const derivedIds = await derivedMovementIds(db, id, requestKey);
    const derived = derivedIds.length ? (await listMovements(db, ALL, { ids: derivedIds })).items.reverse() : [];
    return { ...items[0]!, derived };
  }

  /**
   * The rules of a movement between what postingContext found (one statement, replay check included)
   * and postMovement (the locks, the balance check and the inserts), both in the repository.
   */
  private async postIn(trx: Knex.Transaction, poster: Poster, req: MovementRequest, hash: string) {
    const context = await postingContext(trx, req);
    if (context.seen) return this.replayOf(trx, req.requestKey, hash, context.seen);

    const from = await this.resolve(trx, context, req.from, 'from');
    const to = (await this.resolve(trx, context, req.to, 'to')) as Resolved & { row: AccountRow };
    const factor = to.row.factor;
    const fromLabel = from.label;
    if (from.row && (from.row.factor !== to.row.factor || from.row.year !== to.row.year || from.row.funding_source !== to.row.funding_source)) {
      throw badRequest(`转出与转入账户的要素、年度和资金来源须一致：${fromLabel} → ${accountLabel(to.row)}`);
    }
    if (from.row && !to.opens && from.row.id === to.row.id) throw badRequest(`转出与转入不能是同一账户：${fromLabel}`);
    const shape = movementShapeProblem(req.kind, factor, from.kind, to.row.owner_kind);
    if (shape) throw badRequest(shape);
    this.checkKindFields(req);
    assertCanPost(poster.actor, from.row ? scopeOf(from.row) : { ...scopeOf(to.row), ownerKind: from.kind, regionId: from.identity.regionId, projectRegionId: null, label: fromLabel }, scopeOf(to.row));

    // The debited account must exist (nothing to give otherwise), except the external contra account.
    const pool = { factor, year: to.row.year, fundingSource: to.row.funding_source };
    const fromAccount: PostingAccount | undefined = from.row
      ? { row: from.row }
      : from.kind === 'external' ? { row: pendingRow(pool, from.identity, null), open: { ...pool, owner: from.identity } } : undefined;
    if (fromAccount === undefined) throw insufficient(fromLabel, 0, req.amount, FACTORS[factor].unit);
    const toAccount: PostingAccount = to.opens ? { row: to.row, open: { ...pool, owner: to.identity } } : { row: to.row };

    const rules = context.rules.filter((r) => r.fromOwnerKind === from.kind && r.toOwnerKind === to.row.owner_kind && r.factors.includes(factor));
    const cityAccount = rules.length ? await this.cityAccount(trx, pool) : undefined;

    // Art. 17/18 pooling: the configured share of what came in goes on to the city pool, in this transaction.
    const pooled = [...rules.entries()].flatMap(([i, rule]) => {
      const share = roundAmount(req.amount * rule.cityShare);
      if (share <= 0 || !cityAccount) return [];
      return [{ amount: share, rule: rule.id, requestKey: `${req.requestKey}/统筹${i || ''}`, reason: `按规则“${rule.name}”统筹 ${fmt(rule.cityShare * 100)}%：${rule.basis}` }];
    });

    const posted = await postMovement(trx, {
      from: fromAccount, to: toAccount, city: cityAccount, checkBalance: from.kind !== 'external',
      movement: {
        kind: req.kind, amount: req.amount, priceWan: req.priceWan ?? null, dueDate: req.dueDate ?? null,
        relatedMovementId: req.relatedMovementId ?? null, documentNo: req.documentNo, reason: req.reason, requestKey: req.requestKey,
      },
      pooled, operator: { id: poster.actor.id, username: poster.actor.username }, requestHash: hash, ip: poster.ip,
      checkLoan: req.kind === '归还' ? (loan, ids) => this.checkRepayment(req, loan, ids.from, ids.to) : undefined,
    });
    if (!posted.ok) throw insufficient(fromLabel, posted.available, req.amount, FACTORS[factor].unit);

    const fromRow = { ...fromAccount.row, id: posted.accounts.from };
    const toRow = { ...to.row, id: posted.accounts.to };
    const cityRow = cityAccount && { ...cityAccount.row, id: posted.accounts.city! };
    const operator = poster.actor.displayName;
    const main = movementOf(posted.movement.id, posted.movement.createdAt, posted.movement.insert, fromRow, toRow, operator);
    const derived: FactorMovement[] = posted.pooled.map((m) => movementOf(m.id, m.createdAt, m.insert, toRow, cityRow!, operator));
    return { status: 201 as const, movement: { ...main, derived } };
  }

  private checkKindFields(req: MovementRequest) {
    const needs = MOVEMENT_RULES[req.kind].needs ?? [];
    if (needs.includes('priceWan') && req.priceWan === undefined) throw badRequest(`“${req.kind}”须填写价款 priceWan（万元）`);
    if (needs.includes('dueDate')) {
      if (!req.dueDate) throw badRequest('“拆借”须填写归还日期 dueDate');
      if (req.dueDate <= chinaToday()) throw badRequest('拆借的归还日期须晚于今天');
    } else if (req.dueDate !== undefined) throw badRequest('只有“拆借”可以填写归还日期');
    if (needs.includes('relatedMovementId') && req.relatedMovementId === undefined) throw badRequest('“归还”须填写所归还的拆借记录 relatedMovementId');
    if (!needs.includes('relatedMovementId') && req.relatedMovementId !== undefined) throw badRequest('只有“归还”可以关联拆借记录');
  }

  /** Called by postMovement under the borrower's lock, so two repayments of one loan cannot both pass the outstanding check. */
  private checkRepayment(req: MovementRequest, loan: LoanState | undefined, fromId: number, toId: number) {
    if (!loan) throw badRequest(`拆借记录 ${req.relatedMovementId} 不存在`);
    if (loan.toAccountId !== fromId || loan.fromAccountId !== toId) throw badRequest('归还须由借入方账户转回出借方账户，与拆借记录一致');
    const outstanding = roundAmount(loan.amount - loan.repaid);
    if (req.amount > outstanding) {
      throw conflict(`归还数量超过未还数量：拆借 ${fmt(loan.amount)}，已还 ${fmt(loan.repaid)}，未还 ${fmt(outstanding)}，本次申请归还 ${fmt(req.amount)}`, { outstanding }, FactorsErrors.OVER_REPAYMENT);
    }
  }

  /**
   * An account reference to its row, from what postingContext found or else from its owner. The credited
   * side is opened on first use (create on first credit); the debited side must exist, or be external
   * (the contra account, opened on demand by the posting).
   */
  private async resolve(trx: Knex.Transaction, context: PostingContext, ref: AccountRef, side: 'from' | 'to'): Promise<Resolved> {
    const sideName = side === 'from' ? '转出' : '转入';
    const found = context.sides[side];
    if (typeof ref === 'number') {
      if (!found) throw notFoundOrNoAccess(`${sideName}账户 ${ref} `);
      return { row: found, kind: found.owner_kind, identity: { kind: found.owner_kind, regionId: found.region_id, projectId: found.project_id }, label: accountLabel(found) };
    }
    const fundingSource = ref.fundingSource ?? '';
    if (ref.factor === 'funds' && !(FUNDING_SOURCES as readonly string[]).includes(fundingSource)) {
      throw badRequest(`资金账户须注明资金来源 fundingSource（${FUNDING_SOURCES.join('、')}）`);
    }
    if (ref.factor !== 'funds' && fundingSource !== '') throw badRequest('只有资金账户区分资金来源');
    if (found) return { row: found, kind: found.owner_kind, identity: { kind: found.owner_kind, regionId: found.region_id, projectId: found.project_id }, label: accountLabel(found) };
    const owner = ref.owner.kind === 'external' ? null : await ownerByCode(trx, ref.owner.kind, ref.owner.code);
    if (ref.owner.kind !== 'external' && !owner) {
      if (ref.owner.kind === 'project') throw notFoundOrNoAccess(`项目 ${ref.owner.code ?? ''} `);
      throw badRequest(`找不到${sideName}主体：${ref.owner.kind} ${ref.owner.code ?? '（未填代码）'}`);
    }
    const identity: OwnerIdentity = { kind: ref.owner.kind, regionId: owner?.regionId ?? null, projectId: owner?.projectId ?? null };
    if (side === 'to') {
      const pending = pendingRow({ factor: ref.factor, year: ref.year, fundingSource }, identity, owner ?? null);
      return { row: pending, kind: identity.kind, identity, label: accountLabel(pending), opens: true };
    }
    // Labelled by owner, factor and year (no funding source): there is no account to name.
    return { row: undefined, kind: identity.kind, identity, label: `${owner?.name ?? '上级/外部'}${FACTORS[ref.factor].name}（${ref.year}年）` };
  }

  /** The city pool a pooling rule credits, opened by the posting when it does not exist yet. */
  private async cityAccount(trx: Knex.Transaction, pool: { factor: FactorKey; year: number; fundingSource: string }): Promise<PostingAccount> {
    const city = (await cityPool(trx, pool.factor, pool.year, pool.fundingSource))!;
    const owner: OwnerIdentity = { kind: 'city', regionId: city.owner.regionId, projectId: null };
    const row = pendingRow(pool, owner, city.owner);
    return city.accountId === null ? { row, open: { ...pool, owner } } : { row: { ...row, id: city.accountId } };
  }
}

/** An account that the posting will open, as accounts.sql would return it once opened (balance 0, id unknown). */
function pendingRow(pool: { factor: FactorKey; year: number; fundingSource: string }, o: OwnerIdentity, owner: NamedOwner | null): AccountRow {
  return {
    id: 0, factor: pool.factor, owner_kind: o.kind, region_id: o.regionId, project_id: o.projectId, year: pool.year, unit: FACTORS[pool.factor].unit,
    funding_source: pool.fundingSource, balance: 0, owner_code: owner?.code ?? null, owner_name: owner?.name ?? null, project_region_id: owner?.projectRegionId ?? null,
  };
}

/** 409 in the API's error shape: who is short, what is available, what was asked. */
export function insufficient(label: string, available: number, requested: number, unit: string) {
  return new AppError(409, FactorsErrors.INSUFFICIENT, `${label}余额不足：可用 ${fmt(available)} ${unit}，申请 ${fmt(requested)} ${unit}`, { available, requested, unit });
}

/** The body a request key stands for: operator and every field but the key itself, keys sorted at every level. */
function requestHash(actorId: number, req: MovementRequest) {
  const { requestKey: _key, ...body } = req;
  return createHash('sha256').update(canonicalJson({ operator: actorId, ...body })).digest('hex');
}

function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
}
