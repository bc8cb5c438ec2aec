import { z } from 'zod';
import { FACTOR_KEYS, MOVEMENT_KINDS, OWNER_KINDS, isoDateSchema, movementRequestSchema, type FactorKey, type FactorMovement, type MovementKind, type OwnerKind } from '../factors.ts';
import { idParams, queryId, routeTable } from './route.ts';

export { movementRequestSchema };
export type { FactorAccount, FactorKey, FactorLoan, FactorMovement, FactorRule, MovementKind, MovementRequest, OwnerKind } from '../factors.ts';

const date = isoDateSchema('日期须为有效日期 YYYY-MM-DD');
const year = z.coerce.number({ error: '年度须为数字' }).int('年度须为整数').min(2000, '年度须在 2000-2200 之间').max(2200, '年度须在 2000-2200 之间');
const flag = z.enum(['true', 'false'], { error: '须为 true 或 false' });

/** GET /api/factors/accounts */
export const accountQuery = z.object({
  factor: z.enum(FACTOR_KEYS, { error: `要素须为 ${FACTOR_KEYS.join('、')}` }).optional(),
  ownerKind: z.enum(OWNER_KINDS, { error: `主体类型须为 ${OWNER_KINDS.join('、')}` }).optional(),
  region: z.string().trim().max(12).optional(),
  year: year.optional(),
});

/** GET /api/factors/movements */
export const movementQuery = accountQuery.omit({ ownerKind: true }).extend({
  kind: z.enum(MOVEMENT_KINDS, { error: `业务类型须为 ${MOVEMENT_KINDS.join('、')}` }).optional(),
  accountId: queryId('账户编号须为正整数').optional(),
  dateFrom: date.optional(),
  dateTo: date.optional(),
  page: z.coerce.number().int().min(1, '页码从 1 开始').max(1_000_000, '页码过大').default(1),
  pageSize: z.coerce.number().int().min(1).max(500, '每页最多 500 条').default(50),
});

/** GET /api/factors/loans */
export const loanQuery = z.object({ overdue: flag.optional(), open: flag.optional(), asOf: date.optional() });

/** PUT /api/factors/rules/{id}: what the city command may change in a pooling rule: the share and whether it applies. */
export const factorRuleChangeSchema = z.strictObject(
  {
    cityShare: z.number({ error: '市级统筹比例须为 0 到 1 之间的数字' }).min(0, '市级统筹比例须为 0 到 1 之间的数字').max(1, '市级统筹比例须为 0 到 1 之间的数字')
      .refine((x) => Math.abs(Math.round(x * 1e4) / 1e4 - x) < 1e-9, '市级统筹比例最多保留 4 位小数').optional(),
    enabled: z.boolean({ error: 'enabled 须为 true 或 false' }).optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? '只能修改 cityShare、enabled' : undefined) },
);

/** POST /api/projects/{id}/recall */
export const recallSchema = z.object(
  {
    reason: z.string({ error: '请填写收回事由' }).trim().min(2, '请填写收回事由').max(1000),
    /** 终止 (abandoned) or 调出 (false information, Art. 29). */
    outcome: z.enum(['终止', '调出'], { error: '处理结果须为 终止 或 调出' }),
    /** What the project has already used and keeps, per factor (partial use). */
    used: z.record(z.string(), z.number().min(0, '已使用量不能为负')).optional(),
    documentNo: z.string().trim().min(1, '请填写文号').max(64),
  },
  { error: '请求内容须为 JSON 对象' },
);

/** The query of GET /api/factors/accounts as the client sends it. */
export interface AccountQuery {
  factor?: FactorKey;
  ownerKind?: OwnerKind;
  region?: string;
  year?: number;
}

/** The filter of GET /api/factors/movements as the client sends it (page and pageSize apart). */
export interface MovementQuery {
  factor?: FactorKey;
  kind?: MovementKind;
  year?: number;
  accountId?: number;
  region?: string;
  dateFrom?: string;
  dateTo?: string;
}

/** GET /api/factors/movements */
export interface MovementPage {
  items: FactorMovement[];
  total: number;
  page: number;
  pageSize: number;
}

/** One need of an allocation plan. */
export interface PlanItem {
  factor: FactorKey;
  name: string;
  unit: string;
  needed: number;
  allocatedBefore: number;
  fromCounty: number;
  fromCity: number;
  gap: number;
  solution: { kind: '调剂' | '拆借' | '预支' | '挖潜'; fromCode: string | null; fromName: string | null; note: string } | null;
  deadline: string | null;
}

const ruleId = z.object({ id: z.string() });

export const factorsRoutes = routeTable('factors', [
  { method: 'get', path: '/api/factors/accounts', summary: '要素账户余额', query: accountQuery, response: { status: 200, description: 'FactorAccount[]' }, errors: [400, 401, 403] },
  { method: 'get', path: '/api/factors/movements', summary: '要素台账（筛选、分页）', query: movementQuery, response: { status: 200, description: 'MovementPage' }, errors: [400, 401, 403] },
  {
    method: 'post', path: '/api/factors/movements', summary: '记一笔要素流转（复式记账，requestKey 幂等）', body: movementRequestSchema,
    response: { status: 201, description: 'FactorMovement' }, otherStatuses: { 200: '同一 requestKey、同一内容的重试：原流转记录' }, errors: [400, 401, 403, 409],
  },
  { method: 'get', path: '/api/factors/loans', summary: '拆借及未还数量（overdue=true 只列逾期）', query: loanQuery, response: { status: 200, description: 'FactorLoan[]' }, errors: [400, 401, 403] },
  { method: 'get', path: '/api/factors/rules', summary: '要素统筹规则', response: { status: 200, description: 'FactorRule[]' }, errors: [401, 403] },
  { method: 'put', path: '/api/factors/rules/{id}', summary: '修改要素统筹规则（市级统筹比例、是否启用）', params: ruleId, body: factorRuleChangeSchema, response: { status: 200, description: 'FactorRule' }, errors: [400, 401, 403, 404] },
  { method: 'post', path: '/api/projects/{id}/allocation-plan', summary: '制定要素配置方案（先县级账户，后市级统筹池；缺口给出解决方式与时限）', params: idParams, response: { status: 201, description: '方案（PlanItem[] 等）' }, errors: [401, 403, 404, 409] },
  { method: 'post', path: '/api/projects/{id}/recall', summary: '项目终止或调出时收回未使用的要素指标', params: idParams, body: recallSchema, response: { status: 200, description: '收回明细' }, errors: [400, 401, 403, 404, 409] },
  { method: 'get', path: '/api/allocation-plans/{id}', summary: '要素配置方案', params: idParams, response: { status: 200, description: '方案' }, errors: [401, 403, 404] },
  { method: 'post', path: '/api/allocation-plans/{id}/approve', summary: '审批要素配置方案：记入分配流水，要素到位的项目纳入绿色通道', params: idParams, response: { status: 200, description: '审批结果' }, errors: [401, 403, 404, 409] },
]);
