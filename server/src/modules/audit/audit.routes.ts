import { Router } from 'express';
import type { Knex } from 'knex';
import { auditQuery } from '../../../../common/src/contract/audit.contract.ts';
import { actorOf, requireLogin } from '../../http/session.middleware.ts';
import { parseOr400 } from '../../http/validate.ts';
import { assertCan } from '../../policy/access.policy.ts';

/**
 * The audit trail for the auditor (audit.read, 三权分立): search by who, what, which record and when
 * (Beijing dates), newest first. Read-only: the table refuses UPDATE and DELETE by trigger.
 */
export function auditRoutes(db: Knex) {
  const r = Router();
  r.use(requireLogin);
  r.get('/', async (req, res) => {
    assertCan(actorOf(req), 'audit.read', '审计日志');
    const f = parseOr400(auditQuery, req.query);
    const q = db('audit_log');
    if (f.actor) q.where('actor_username', f.actor);
    if (f.action) q.where('action', 'like', `${f.action}%`);
    if (f.entityKind) q.where('entity_kind', f.entityKind);
    if (f.entityId) q.where('entity_id', f.entityId);
    if (f.from) q.whereRaw(`at >= (?::date)::timestamp at time zone 'Asia/Shanghai'`, [f.from]);
    if (f.to) q.whereRaw(`at < ((?::date) + 1)::timestamp at time zone 'Asia/Shanghai'`, [f.to]);
    const total = Number((await q.clone().count({ n: '*' }).first())?.n ?? 0);
    const rows = await q.orderBy('id', 'desc').limit(f.limit).offset(f.offset).select('id', 'at', 'actor_username', 'action', 'entity_kind', 'entity_id', 'detail', 'ip');
    res.json({
      total,
      items: rows.map((a) => ({ id: a.id, at: new Date(a.at).toISOString(), actor: a.actor_username, action: a.action, entityKind: a.entity_kind, entityId: a.entity_id, detail: a.detail, ip: a.ip })),
    });
  });
  return r;
}
