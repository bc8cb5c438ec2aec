import { Router } from 'express';
import { z } from 'zod';
import { FACTOR_KEYS, MOVEMENT_KINDS, OWNER_KINDS, isoDateSchema, movementRequestSchema } from '../../../../common/src/factors.ts';
import { actorOf, requestMeta, requireLogin } from '../../http/session.middleware.ts';
import { parseOr400 } from '../../http/validate.ts';
import type { FactorsService } from './factors.service.ts';
import { ruleChangeSchema, type FactorRulesService } from './factor-rules.service.ts';
import { toAccount } from './accounts.repository.ts';

const date = isoDateSchema('日期须为有效日期 YYYY-MM-DD');
const year = z.coerce.number({ error: '年度须为数字' }).int('年度须为整数').min(2000, '年度须在 2000-2200 之间').max(2200, '年度须在 2000-2200 之间');
const flag = z.enum(['true', 'false'], { error: '须为 true 或 false' });

const accountQuery = z.object({
  factor: z.enum(FACTOR_KEYS, { error: `要素须为 ${FACTOR_KEYS.join('、')}` }).optional(),
  ownerKind: z.enum(OWNER_KINDS, { error: `主体类型须为 ${OWNER_KINDS.join('、')}` }).optional(),
  region: z.string().trim().max(12).optional(),
  year: year.optional(),
});

const movementQuery = accountQuery.omit({ ownerKind: true }).extend({
  kind: z.enum(MOVEMENT_KINDS, { error: `业务类型须为 ${MOVEMENT_KINDS.join('、')}` }).optional(),
  accountId: z.coerce.number().int().positive('账户编号须为正整数').optional(),
  dateFrom: date.optional(),
  dateTo: date.optional(),
  page: z.coerce.number().int().min(1, '页码从 1 开始').default(1),
  pageSize: z.coerce.number().int().min(1).max(500, '每页最多 500 条').default(50),
});

const loanQuery = z.object({ overdue: flag.optional(), open: flag.optional(), asOf: date.optional() });

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
    const change = parseOr400(ruleChangeSchema, req.body ?? {});
    res.json(await rules.update(actorOf(req), req.params.id as string, change, requestMeta(req).ip));
  });

  return r;
}
