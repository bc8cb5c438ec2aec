import { Router } from 'express';
import { sitingNeedsSchema } from '../../../../common/src/siting.ts';
import { badRequest } from '../../http/app-error.ts';
import { actorOf, requireLogin } from '../../http/session.middleware.ts';
import { parseOr400 } from '../../http/validate.ts';
import { assertCan } from '../../policy/access.policy.ts';
import { SiteIssue } from './site-geometry.validation.ts';
import type { SitingService } from './siting.service.ts';

export function sitingRoutes(siting: SitingService) {
  const r = Router();
  r.use(requireLogin);

  // Read-only: nothing is written, so a refused site leaves nothing behind.
  r.post('/analyze', async (req, res) => {
    const actor = actorOf(req);
    assertCan(actor, 'siting.use', '精准选址');
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw badRequest('请求内容须为 JSON 对象（Content-Type: application/json），包含 geometry 与可选的 needs', undefined, SiteIssue.notObject);
    }
    const { geometry, needs } = body as { geometry?: unknown; needs?: unknown };
    const parsedNeeds = parseOr400(sitingNeedsSchema.optional(), needs);
    res.json(await siting.analyze(actor, geometry, parsedNeeds ?? {}));
  });

  return r;
}
