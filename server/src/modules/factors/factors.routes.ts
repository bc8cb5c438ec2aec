import { Router } from 'express';
import { accountQuery, factorRuleChangeSchema, loanQuery, movementQuery, movementRequestSchema } from '../../../../common/src/contract/factors.contract.ts';
import { actorOf, requestMeta, requireLogin } from '../../http/session.middleware.ts';
import { parseOr400 } from '../../http/validate.ts';
import type { FactorsService } from './factors.service.ts';
import type { FactorRulesService } from './factor-rules.service.ts';
import { toAccount } from './accounts.repository.ts';

export function factorsRoutes(factors: FactorsService, rules: FactorRulesService) {
  const r = Router();
  r.use(requireLogin);

  r.get('/accounts', async (req, res) => {
    const q = parseOr400(accountQuery, req.query);
    res.json((await factors.accounts(actorOf(req), q)).map(toAccount));
  });

  r.get('/movements', async (req, res) => {
    const { page, pageSize, ...filter } = parseOr400(movementQuery, req.query);
    const { items, total } = await factors.movements(actorOf(req), { ...filter, limit: pageSize, offset: (page - 1) * pageSize });
    res.json({ items, total, page, pageSize });
  });

  // 201 for a new movement, 200 when the request key was seen with the same body (a retry).
  r.post('/movements', async (req, res) => {
    const body = parseOr400(movementRequestSchema, req.body ?? {});
    const { status, movement } = await factors.post(actorOf(req), body, requestMeta(req).ip);
    res.status(status).json(movement);
  });

  // Loans (拆借) with their outstanding amount; ?overdue=true lists what the city command must chase.
  r.get('/loans', async (req, res) => {
    const q = parseOr400(loanQuery, req.query);
    res.json(await factors.loans(actorOf(req), { overdueOnly: q.overdue === 'true', openOnly: q.open !== 'false', asOf: q.asOf }));
  });

  r.get('/rules', async (req, res) => {
    res.json(await rules.list(actorOf(req)));
  });
  r.put('/rules/:id', async (req, res) => {
    const change = parseOr400(factorRuleChangeSchema, req.body ?? {});
    res.json(await rules.update(actorOf(req), req.params.id as string, change, requestMeta(req).ip));
  });

  return r;
}
