import { Router } from 'express';
import { auditQuery } from '../../../../common/src/contract/audit.contract.ts';
import { actorOf, requireLogin } from '../../http/session.middleware.ts';
import { parseOr400 } from '../../http/validate.ts';
import { assertCan } from '../../policy/access.policy.ts';
import type { AuditService } from './audit.service.ts';

/**
 * The audit trail for the auditor (audit.read, 三权分立): search by who, what, which record and when
 * (Beijing dates), newest first. Read-only: the table refuses UPDATE and DELETE by trigger.
 */
export function auditRoutes(audit: AuditService) {
  const r = Router();
  r.use(requireLogin);
  r.get('/', async (req, res) => {
    const actor = actorOf(req);
    // Refused before the query is read (403 before 400); the service checks again.
    assertCan(actor, 'audit.read', '审计日志');
    res.json(await audit.search(actor, parseOr400(auditQuery, req.query)));
  });
  r.get('/verify', async (req, res) => {
    res.json(await audit.verify(actorOf(req)));
  });
  return r;
}
