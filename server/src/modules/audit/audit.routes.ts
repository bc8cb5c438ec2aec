import { Router } from 'express';
import { z } from 'zod';
import { isoDateSchema } from '../../../../common/src/factors.ts';
import { actorOf, requireLogin } from '../../http/session.middleware.ts';
import { parseOr400 } from '../../http/validate.ts';
import { assertCan } from '../../policy/access.policy.ts';
import type { AuditService } from './audit.service.ts';

const day = isoDateSchema('日期须为有效日期 YYYY-MM-DD');
const query = z.object({
  actor: z.string().trim().max(32).optional(),
  action: z.string().trim().max(48).optional(),
  entityKind: z.string().trim().max(32).optional(),
  entityId: z.string().trim().max(64).optional(),
  from: day.optional(),
  to: day.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

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
    res.json(await audit.search(actor, parseOr400(query, req.query)));
  });
  return r;
}
