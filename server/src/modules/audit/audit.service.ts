import type { Knex } from 'knex';
import { assertCan } from '../../policy/access.policy.ts';
import type { Actor } from '../../policy/actor.ts';
import type { AuditVerification } from '../../../../common/src/contract/audit.contract.ts';
import { checkChain, searchAudit, type AuditFilter } from './audit.repository.ts';

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

  /**
   * GET /api/audit/verify: whether the hash chain holds from the first row to the head. firstBrokenId is
   * the first row whose content or link no longer matches (changed, or a row before it removed), or —
   * when rows were cut off the end — the head's id, which no longer exists.
   */
  async verify(actor: Actor): Promise<AuditVerification> {
    assertCan(actor, 'audit.read', '审计日志');
    const c = await checkChain(this.db);
    const checkedAt = new Date().toISOString();
    if (c.first_broken !== null) return { ok: false, rows: c.rows, firstBrokenId: Number(c.first_broken), reason: 'changed', headId: num(c.head_id), checkedAt };
    const tailIntact = c.rows === 0 ? c.head_id === null : c.last_id === c.head_id && c.last_hash?.trim() === c.head_hash.trim();
    if (!tailIntact) return { ok: false, rows: c.rows, firstBrokenId: num(c.head_id), reason: 'truncated', headId: num(c.head_id), checkedAt };
    return { ok: true, rows: c.rows, firstBrokenId: null, reason: null, headId: num(c.head_id), checkedAt };
  }
}

const num = (v: string | null) => (v === null ? null : Number(v));
