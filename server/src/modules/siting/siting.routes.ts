import { Router } from 'express';
import { recommendRequestSchema, sitingNeedsSchema, sitingRuleChangeSchema, sitingRuleCreateSchema } from '../../../../common/src/contract/siting.contract.ts';
import { HttpErrors } from '../../../../common/src/contract/http.errors.ts';
import { actorOf, requireLogin } from '../../http/session.middleware.ts';
import { objectBody, parseOr400 } from '../../http/validate.ts';
import { assertCan } from '../../policy/access.policy.ts';
import { SiteIssue } from './site-geometry.validation.ts';
import type { SitingService } from './siting.service.ts';
import type { SitingRulesService } from './siting-rules.service.ts';
import type { SitingRecommendService } from './siting-recommend.service.ts';
import { requestMeta } from '../../http/session.middleware.ts';

export function sitingRoutes(siting: SitingService, rules: SitingRulesService, recommend: SitingRecommendService) {
  const r = Router();
  r.use(requireLogin);

  // Read-only: nothing is written, so a refused site leaves nothing behind.
  r.post('/analyze', async (req, res) => {
    const actor = actorOf(req);
    assertCan(actor, 'siting.use', '精准选址');
    const { geometry, needs } = objectBody(req.body, { expects: '包含 geometry 与可选的 needs', code: SiteIssue.notObject });
    const parsedNeeds = parseOr400(sitingNeedsSchema.optional(), needs);
    res.json(await siting.analyze(actor, geometry, parsedNeeds ?? {}));
  });

  // Ranked candidate sites from stock land (issue 4 item 4); read-only as well.
  r.post('/recommend', async (req, res) => {
    const actor = actorOf(req);
    assertCan(actor, 'siting.use', '精准选址');
    const body = objectBody(req.body, { expects: '至少包含用地需求面积 areaMu（亩）', code: HttpErrors.BAD_REQUEST });
    res.json(await recommend.recommend(actor, parseOr400(recommendRequestSchema, body)));
  });

  // The rule table the analysis applies (issue 4 item 3): readable by siting users, editable by admins.
  r.get('/rules', async (req, res) => {
    res.json(await rules.list(actorOf(req)));
  });
  r.post('/rules', async (req, res) => {
    const input = parseOr400(sitingRuleCreateSchema, req.body ?? {});
    res.status(201).json(await rules.create(actorOf(req), input, requestMeta(req).ip));
  });
  r.put('/rules/:id', async (req, res) => {
    const change = parseOr400(sitingRuleChangeSchema, req.body ?? {});
    res.json(await rules.update(actorOf(req), req.params.id as string, change, requestMeta(req).ip));
  });

  return r;
}
