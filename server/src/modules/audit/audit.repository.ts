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
