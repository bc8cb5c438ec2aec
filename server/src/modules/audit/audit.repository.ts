import type { Knex } from 'knex';

export interface AuditEntry {
  actorId?: number | null;
  actorUsername?: string | null;
  action: string;
  entityKind?: string;
  entityId?: string | number;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

/** Written inside the caller's transaction, so the record and the change commit together or not at all. */
export async function recordAudit(db: Knex | Knex.Transaction, e: AuditEntry) {
  await db('audit_log').insert({
    actor_id: e.actorId ?? null,
    actor_username: e.actorUsername ?? null,
    action: e.action,
    entity_kind: e.entityKind ?? null,
    entity_id: e.entityId === undefined ? null : String(e.entityId),
    detail: JSON.stringify(e.detail ?? {}),
    ip: e.ip ?? null,
  });
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  entityKind?: string;
  entityId?: string;
  /** Beijing dates, YYYY-MM-DD, both inclusive. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** One page of the trail, newest first, and the number of entries the filter matches. */
export async function searchAudit(db: Knex, f: AuditFilter) {
  const q = db('audit_log');
  if (f.actor) q.where('actor_username', f.actor);
  if (f.action) q.where('action', 'like', `${f.action}%`);
  if (f.entityKind) q.where('entity_kind', f.entityKind);
  if (f.entityId) q.where('entity_id', f.entityId);
  if (f.from) q.whereRaw(`at >= (?::date)::timestamp at time zone 'Asia/Shanghai'`, [f.from]);
  if (f.to) q.whereRaw(`at < ((?::date) + 1)::timestamp at time zone 'Asia/Shanghai'`, [f.to]);
  const total = Number((await q.clone().count({ n: '*' }).first())?.n ?? 0);
  const rows = await q.orderBy('id', 'desc').limit(f.limit).offset(f.offset).select('id', 'at', 'actor_username', 'action', 'entity_kind', 'entity_id', 'detail', 'ip');
  return { total, rows };
}
