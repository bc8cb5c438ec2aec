import type { FactorKey, FactorMovement, MovementKind, OwnerKind } from '../../../../common/src/factors.ts';
import { sqlFile } from '../../db/sql-file.ts';
import { accountOwner, ownerOf, type AccountRow, type Db, type Visibility } from './accounts.repository.ts';
import { pgArray } from '../../db/pg-array.ts';

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
  from: { accountId: r.from_account_id, owner: ownerOf(r.from_kind, r.from_code, r.from_name) },
  to: { accountId: r.to_account_id, owner: ownerOf(r.to_kind, r.to_code, r.to_name) },
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
