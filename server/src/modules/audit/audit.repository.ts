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

export interface ChainCheckRow {
  rows: number;
  first_broken: string | null;
  last_id: string | null;
  last_hash: string | null;
  head_id: string | null;
  head_hash: string;
}

/**
 * Recomputes every row's hash in the database (the same function the insert trigger uses) and compares
 * it, and each row's link to the row before, with what is stored; plus the chain head.
 */
export async function checkChain(db: Knex): Promise<ChainCheckRow> {
  const r = await db.raw(`
    with chain as (
      select a.id, a.hash, a.prev_hash, audit_row_hash(a) as expected, lag(a.hash) over (order by a.id) as prev_actual
      from audit_log a
    ), summary as (
      select count(*)::int as rows,
             min(id) filter (where hash is distinct from expected or prev_hash is distinct from coalesce(prev_actual, repeat('0', 64))) as first_broken,
             max(id) as last_id
      from chain
    )
    select s.rows, s.first_broken::text, s.last_id::text, (select hash from audit_log where id = s.last_id) as last_hash,
           h.head_id::text, h.head_hash
    from summary s cross join audit_chain h`);
  return r.rows[0];
}
