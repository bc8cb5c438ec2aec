import type { Knex } from 'knex';
import { assertCan } from '../../policy/access.policy.ts';
import type { Actor } from '../../policy/actor.ts';
import { searchAudit, type AuditFilter } from './audit.repository.ts';

/**
 * The audit trail for the auditor (audit.read, 三权分立): search by who, what, which record and when
 * (Beijing dates), newest first. Read-only: the table refuses UPDATE and DELETE by trigger.
 */
export class AuditService {
  constructor(private readonly db: Knex) {}

  async search(actor: Actor, f: AuditFilter) {
    assertCan(actor, 'audit.read', '审计日志');
    const { total, rows } = await searchAudit(this.db, f);
    return {
      total,
      items: rows.map((a) => ({ id: a.id, at: new Date(a.at).toISOString(), actor: a.actor_username, action: a.action, entityKind: a.entity_kind, entityId: a.entity_id, detail: a.detail, ip: a.ip })),
    };
  }
}
