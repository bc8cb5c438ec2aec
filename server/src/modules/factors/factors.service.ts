import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import {
  EXTERNAL_CODE,
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
import { AppError, badRequest, conflict, notFoundOrNoAccess } from '../../http/app-error.ts';
import { assertCan } from '../../policy/access.policy.ts';
import type { Actor } from '../../policy/actor.ts';
import { accountVisibility, assertCanPost, type AccountScope } from '../../policy/factor.policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import {
  accountLabel,
  derivedMovementIds,
  ensureAccount,
  findAccountId,
  findOwner,
  insertMovement,
  listAccounts,
  listLoans,
  listMovements,
  loanState,
  lockAccounts,
  movementByKey,
  movementOf,
  rulesFor,
  type AccountRow,
  type MovementInsert,
  type OwnerIdentity,
} from './factors.repository.ts';
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
    if (!seen) return undefined;
    if (seen.request_hash !== hash) throw conflict(`请求编号 ${requestKey} 已用于另一笔不同内容的业务，请使用新的请求编号`, { movementId: seen.id }, 'REQUEST_KEY_REUSED');
    return { status: 200 as const, movement: await this.posted(db, seen.id, requestKey) };
  }

  private async posted(db: Knex | Knex.Transaction, id: number, requestKey: string): Promise<PostedMovement> {
    const { items } = await listMovements(db, ALL, { ids: [id] });
    const derivedIds = await derivedMovementIds(db, id, requestKey);
    const derived = derivedIds.length ? (await listMovements(db, ALL, { ids: derivedIds })).items.reverse() : [];
    return { ...items[0]!, derived };
  }

  private async postIn(trx: Knex.Transaction, poster: Poster, req: MovementRequest, hash: string) {
    const replay = await this.replay(req.requestKey, hash, trx);
    if (replay) return replay;

    const ids = [req.from, req.to].filter((r): r is number => typeof r === 'number');
    const known = new Map((ids.length ? await listAccounts(trx, ALL, { ids }) : []).map((r) => [r.id, r]));
    const from = await this.resolve(trx, req.from, 'from', known);
    const { row: toRow } = await this.resolve(trx, req.to, 'to', known);
    const to = { row: toRow! };
    const factor = to.row.factor;
    const fromLabel = from.label;
    if (from.row && (from.row.factor !== to.row.factor || from.row.year !== to.row.year || from.row.funding_source !== to.row.funding_source)) {
      throw badRequest(`转出与转入账户的要素、年度和资金来源须一致：${fromLabel} → ${accountLabel(to.row)}`);
    }
    if (from.row?.id === to.row.id) throw badRequest(`转出与转入不能是同一账户：${fromLabel}`);
    const shape = movementShapeProblem(req.kind, factor, from.kind, to.row.owner_kind);
    if (shape) throw badRequest(shape);
    this.checkKindFields(req);
    assertCanPost(poster.actor, from.row ? scopeOf(from.row) : { ...scopeOf(to.row), ownerKind: from.kind, regionId: from.identity.regionId, projectRegionId: null, label: fromLabel }, scopeOf(to.row));

    // The debited account must exist (nothing to give otherwise), except the external contra account.
    const fromRow = from.row ?? (from.kind === 'external' ? await this.accountRow(trx, await ensureAccount(trx, factor, from.identity, to.row.year, to.row.funding_source)) : undefined);
    if (fromRow === undefined) throw insufficient(fromLabel, 0, req.amount, FACTORS[factor].unit);

    const rules = await rulesFor(trx, req.kind, factor, from.kind, to.row.owner_kind);
    const cityRow = rules.length
      ? await this.accountRow(trx, await ensureAccount(trx, factor, (await findOwner(trx, 'city', undefined))!, to.row.year, to.row.funding_source))
      : undefined;

    // From here to COMMIT the accounts are locked: only the checks and the inserts run inside.
    const balances = await lockAccounts(trx, [fromRow.id, to.row.id, ...(cityRow ? [cityRow.id] : [])]);
    if (req.kind === '归还') await this.checkRepayment(trx, req, fromRow.id, to.row.id);
    const available = balances.get(fromRow.id)!;
    if (from.kind !== 'external' && available < req.amount) throw insufficient(fromLabel, available, req.amount, FACTORS[factor].unit);

    const write = async (m: Omit<MovementInsert, 'operatorId' | 'requestHash'>, a: AccountRow, b: AccountRow, detail: Record<string, unknown>) => {
      const insert = { ...m, operatorId: poster.actor.id, requestHash: hash };
      const { id, createdAt } = await insertMovement(trx, insert);
      await recordAudit(trx, {
        actorId: poster.actor.id, actorUsername: poster.actor.username, action: `factor.movement.${m.kind}`, entityKind: 'factor_movement', entityId: id,
        detail: { factor, fromAccountId: a.id, toAccountId: b.id, amount: m.amount, documentNo: m.documentNo, requestKey: m.requestKey, ...detail }, ip: poster.ip,
      });
      return movementOf(id, createdAt, insert, a, b, poster.actor.displayName);
    };
    const main = await write({
      kind: req.kind, fromAccountId: fromRow.id, toAccountId: to.row.id, amount: req.amount, priceWan: req.priceWan ?? null, dueDate: req.dueDate ?? null,
      relatedMovementId: req.relatedMovementId ?? null, documentNo: req.documentNo, reason: req.reason, requestKey: req.requestKey,
    }, fromRow, to.row, {});

    // Art. 17/18 pooling: the configured share of what came in goes on to the city pool, in this transaction.
    const derived: FactorMovement[] = [];
    for (const [i, rule] of rules.entries()) {
      const share = roundAmount(req.amount * rule.cityShare);
      if (share <= 0 || !cityRow) continue;
      derived.push(await write({
        kind: '统筹', fromAccountId: to.row.id, toAccountId: cityRow.id, amount: share, priceWan: null, dueDate: null, relatedMovementId: main.id,
        documentNo: req.documentNo, reason: `按规则“${rule.name}”统筹 ${fmt(rule.cityShare * 100)}%：${rule.basis}`, requestKey: `${req.requestKey}/统筹${i || ''}`,
      }, to.row, cityRow, { rule: rule.id, relatedMovementId: main.id }));
    }
    return { status: 201 as const, movement: { ...main, derived } };
  }

  private async accountRow(trx: Knex.Transaction, id: number) {
    return (await listAccounts(trx, ALL, { ids: [id] }))[0]!;
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

  /** Under the borrower's lock, so two repayments of one loan cannot both pass the outstanding check. */
  private async checkRepayment(trx: Knex.Transaction, req: MovementRequest, fromId: number, toId: number) {
    const loan = await loanState(trx, req.relatedMovementId!);
    if (!loan) throw badRequest(`拆借记录 ${req.relatedMovementId} 不存在`);
    if (loan.toAccountId !== fromId || loan.fromAccountId !== toId) throw badRequest('归还须由借入方账户转回出借方账户，与拆借记录一致');
    const outstanding = roundAmount(loan.amount - loan.repaid);
    if (req.amount > outstanding) {
      throw conflict(`归还数量超过未还数量：拆借 ${fmt(loan.amount)}，已还 ${fmt(loan.repaid)}，未还 ${fmt(outstanding)}，本次申请归还 ${fmt(req.amount)}`, { outstanding }, 'OVER_REPAYMENT');
    }
  }

  /**
   * An account reference to its row. The credited side is opened on first use (create on first credit);
   * the debited side must exist, or be external (the contra account, opened on demand by the caller).
   */
  private async resolve(trx: Knex.Transaction, ref: AccountRef, side: 'from' | 'to', known: Map<number, AccountRow>): Promise<Resolved> {
    const sideName = side === 'from' ? '转出' : '转入';
    if (typeof ref === 'number') {
      const row = known.get(ref);
      if (!row) throw notFoundOrNoAccess(`${sideName}账户 ${ref} `);
      return { row, kind: row.owner_kind, identity: { kind: row.owner_kind, regionId: row.region_id, projectId: row.project_id }, label: accountLabel(row) };
    }
    const fundingSource = ref.fundingSource ?? '';
    if (ref.factor === 'funds' && !(FUNDING_SOURCES as readonly string[]).includes(fundingSource)) {
      throw badRequest(`资金账户须注明资金来源 fundingSource（${FUNDING_SOURCES.join('、')}）`);
    }
    if (ref.factor !== 'funds' && fundingSource !== '') throw badRequest('只有资金账户区分资金来源');
    // Fast path, one query: the account exists and the owner is named (the city and external need no code).
    if (ref.owner.kind === 'city' || ref.owner.kind === 'external' || ref.owner.code) {
      const ownerCode = ref.owner.kind === 'external' ? EXTERNAL_CODE : ref.owner.code;
      const [row] = await listAccounts(trx, ALL, { factor: ref.factor, ownerKind: ref.owner.kind, year: ref.year, ownerCode, fundingSource });
      if (row) return { row, kind: row.owner_kind, identity: { kind: row.owner_kind, regionId: row.region_id, projectId: row.project_id }, label: accountLabel(row) };
    }
    const identity = await findOwner(trx, ref.owner.kind, ref.owner.code);
    if (!identity) {
      if (ref.owner.kind === 'project') throw notFoundOrNoAccess(`项目 ${ref.owner.code ?? ''} `);
      throw badRequest(`找不到${sideName}主体：${ref.owner.kind} ${ref.owner.code ?? '（未填代码）'}`);
    }
    let id = await findAccountId(trx, ref.factor, identity, ref.year, fundingSource);
    if (id === undefined && side === 'to') id = await ensureAccount(trx, ref.factor, identity, ref.year, fundingSource);
    if (id === undefined) return { row: undefined, kind: identity.kind, identity, label: await this.ownerLabel(trx, identity, ref.factor, ref.year) };
    const [row] = await listAccounts(trx, ALL, { ids: [id] });
    return { row: row!, kind: row!.owner_kind, identity, label: accountLabel(row!) };
  }

  private async ownerLabel(trx: Knex.Transaction, o: OwnerIdentity, factor: FactorKey, year: number) {
    const name = o.regionId
      ? (await trx('regions').where({ id: o.regionId }).first('name'))?.name
      : o.projectId
        ? (await trx('projects').where({ id: o.projectId }).first('name'))?.name
        : '上级/外部';
    return `${name ?? ''}${FACTORS[factor].name}（${year}年）`;
  }
}

/** 409 in the API's error shape: who is short, what is available, what was asked. */
export function insufficient(label: string, available: number, requested: number, unit: string) {
  return new AppError(409, 'INSUFFICIENT', `${label}余额不足：可用 ${fmt(available)} ${unit}，申请 ${fmt(requested)} ${unit}`, { available, requested, unit });
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
