import { z } from 'zod';
import { INT4_MAX } from './contract/route.ts';

/**
 * The factor ledger (要素保障台账, Art. 14-20): factors, owners, movement kinds and which owners each
 * kind may move between. Pure data shared by the server (validation) and the client (forms, labels).
 */

export const FACTOR_KEYS = ['land', 'farmland_balance', 'energy', 'coal', 'cod', 'nh3n', 'so2', 'nox', 'vocs', 'funds'] as const;
export type FactorKey = (typeof FACTOR_KEYS)[number];

export const FACTORS: Record<FactorKey, { name: string; unit: string; group: 'land' | 'energy' | 'pollutant' | 'funds' }> = {
  land: { name: '新增建设用地指标', unit: '亩', group: 'land' },
  farmland_balance: { name: '耕地占补平衡指标', unit: '亩', group: 'land' },
  energy: { name: '能耗指标', unit: '吨标准煤', group: 'energy' },
  coal: { name: '煤炭消费指标', unit: '吨', group: 'energy' },
  cod: { name: '化学需氧量（COD）', unit: '吨/年', group: 'pollutant' },
  nh3n: { name: '氨氮', unit: '吨/年', group: 'pollutant' },
  so2: { name: '二氧化硫（SO₂）', unit: '吨/年', group: 'pollutant' },
  nox: { name: '氮氧化物（NOx）', unit: '吨/年', group: 'pollutant' },
  vocs: { name: '挥发性有机物（VOCs）', unit: '吨/年', group: 'pollutant' },
  funds: { name: '资金', unit: '万元', group: 'funds' },
};

export const POLLUTANTS: readonly FactorKey[] = FACTOR_KEYS.filter((f) => FACTORS[f].group === 'pollutant');

/** Funds are kept per funding source; every other factor has the empty source. These are the public funds the ledger keeps. */
export const FUNDING_SOURCES = ['中央预算内投资', '地方政府专项债券', '超长期特别国债', '省级专项资金', '市级财政资金', '县级财政资金', '政策性金融工具'] as const;
/** Financing a project may name besides public funds: no ledger account is kept for it. */
export const NON_PUBLIC_FUNDING_SOURCES = ['银行贷款', '自筹', '外资'] as const;
/** The one list of funding sources a project names (the project form, the Excel template). */
export const PROJECT_FUNDING_SOURCES = [...FUNDING_SOURCES, ...NON_PUBLIC_FUNDING_SOURCES] as const;

export const OWNER_KINDS = ['external', 'city', 'county', 'zone', 'project'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];
export const OWNER_KIND_NAMES: Record<OwnerKind, string> = { external: '上级/外部', city: '市级统筹池', county: '县（市、区）', zone: '开发区', project: '项目' };
/** The code an external account is addressed by (it has no region or project). */
export const EXTERNAL_CODE = 'external';

export const MOVEMENT_KINDS = ['下达', '挖潜', '预支', '统筹', '调剂', '拆借', '归还', '分配', '收回', '交易'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

type Units = readonly OwnerKind[];
const REGIONAL: Units = ['city', 'county', 'zone'];
const LOCAL: Units = ['county', 'zone'];

/**
 * Which owner kinds each movement kind may debit (from) and credit (to), and what else it needs.
 * The external account stands for everything outside the city's ledger (the province, closed plants);
 * it is the only account allowed below zero: its negative balance is what has come in from outside.
 *
 * | kind | from | to | needs |
 * |---|---|---|---|
 * | 下达 quota issued from above | external, city | city, county, zone | city → county/zone only |
 * | 挖潜 recovered (closures, efficiency) | external | city, county, zone | |
 * | 预支 advance before the annual plan | external | city, county, zone | |
 * | 统筹 pooled to the city | county, zone | city | |
 * | 调剂 paid adjustment | city, county, zone | city, county, zone | priceWan |
 * | 拆借 temporary loan | city, county, zone | city, county, zone | dueDate |
 * | 归还 repayment of a loan | the loan's borrower | the loan's lender | relatedMovementId, ≤ outstanding |
 * | 分配 allocation to a project | city, county, zone | project | |
 * | 收回 recall from a project | project | city, county, zone | |
 * | 交易 emission-rights trade | city, county, zone, project | city, county, zone, project | pollutants, priceWan |
 */
export const MOVEMENT_RULES: Record<MovementKind, { from: Units; to: Units; factors?: readonly FactorKey[]; needs?: readonly ('priceWan' | 'dueDate' | 'relatedMovementId')[]; description: string }> = {
  下达: { from: ['external', 'city'], to: REGIONAL, description: '上级下达指标（或市级向县、开发区下达）' },
  挖潜: { from: ['external'], to: REGIONAL, description: '关停、淘汰、节能改造等挖潜腾出的指标' },
  预支: { from: ['external'], to: REGIONAL, description: '年度计划下达前预支的指标' },
  统筹: { from: LOCAL, to: ['city'], description: '县（市、区）、开发区指标统筹至市级' },
  调剂: { from: REGIONAL, to: REGIONAL, needs: ['priceWan'], description: '单位之间有偿调剂' },
  拆借: { from: REGIONAL, to: REGIONAL, needs: ['dueDate'], description: '单位之间临时拆借，须约定归还日期' },
  归还: { from: REGIONAL, to: REGIONAL, needs: ['relatedMovementId'], description: '归还拆借的指标，不超过未还数量' },
  分配: { from: REGIONAL, to: ['project'], description: '向项目分配指标' },
  收回: { from: ['project'], to: REGIONAL, description: '收回项目未使用的指标（项目终止、弄虚作假等）' },
  交易: { from: [...REGIONAL, 'project'], to: [...REGIONAL, 'project'], factors: POLLUTANTS, needs: ['priceWan'], description: '排污权交易' },
};

/** Checks the owner kinds of a movement against MOVEMENT_RULES; returns a Chinese reason or null. */
export function movementShapeProblem(kind: MovementKind, factor: FactorKey, from: OwnerKind, to: OwnerKind): string | null {
  const rule = MOVEMENT_RULES[kind];
  const names = (kinds: Units) => kinds.map((k) => OWNER_KIND_NAMES[k]).join('、');
  if (!rule.from.includes(from)) return `“${kind}”的转出方只能是${names(rule.from)}，不能是${OWNER_KIND_NAMES[from]}`;
  if (!rule.to.includes(to)) return `“${kind}”的转入方只能是${names(rule.to)}，不能是${OWNER_KIND_NAMES[to]}`;
  if (kind === '下达' && from === 'city' && to === 'city') return '市级向下下达的接收方须为县（市、区）或开发区';
  if (rule.factors && !rule.factors.includes(factor)) return `“${kind}”只适用于${rule.factors.map((f) => FACTORS[f].name).join('、')}`;
  return null;
}

/** The 4-decimal precision of the ledger's numeric(16,4) columns. */
export const roundAmount = (x: number) => Math.round(x * 1e4) / 1e4;

/** A calendar date YYYY-MM-DD that exists (2026-02-30 does not). */
/**
 * A calendar date YYYY-MM-DD that exists (no 2027-13-45, no 02-30) in the years 1900-2200: the format
 * alone lets through dates PostgreSQL refuses (year 0000) or that mean nothing for a project.
 */
export const isoDateSchema = (message: string) =>
  z.string({ error: message }).regex(/^\d{4}-\d{2}-\d{2}$/, message).refine((d) => {
    const year = Number(d.slice(0, 4));
    const t = new Date(`${d}T00:00:00Z`);
    return year >= 1900 && year <= 2200 && !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
  }, message);

const ownerRef = z.object({
  kind: z.enum(OWNER_KINDS, { error: `主体类型须为 ${OWNER_KINDS.join('、')}` }),
  code: z.string().trim().max(32).optional(),
});

/** An account by id, or by factor × owner × year (× funding source for funds). */
export const accountRefSchema = z.union(
  [
    z.number().int().positive().max(INT4_MAX, '账户编号超出范围'),
    z.object({
      factor: z.enum(FACTOR_KEYS, { error: `要素须为 ${FACTOR_KEYS.join('、')}` }),
      owner: ownerRef,
      year: z.number().int().min(2000, '年度须在 2000-2200 之间').max(2200, '年度须在 2000-2200 之间'),
      fundingSource: z.string().trim().max(32).optional(),
    }),
  ],
  { error: '账户须为账户编号，或 { factor, owner: { kind, code }, year, fundingSource? }' },
);
export type AccountRef = z.infer<typeof accountRefSchema>;

const amount = z
  .number({ error: '数量须为数字' })
  .positive('数量须大于 0')
  .max(1e9, '数量过大')
  .refine((x) => Math.abs(roundAmount(x) - x) < 1e-9, '数量最多保留 4 位小数');

export const movementRequestSchema = z.strictObject(
  {
    kind: z.enum(MOVEMENT_KINDS, { error: `业务类型须为 ${MOVEMENT_KINDS.join('、')}` }),
    from: accountRefSchema,
    to: accountRefSchema,
    amount,
    requestKey: z.string({ error: '请提供请求编号 requestKey（用于防止重复提交）' }).trim().min(8, 'requestKey 至少 8 个字符').max(56, 'requestKey 最多 56 个字符'),
    documentNo: z.string({ error: '请填写文号' }).trim().min(1, '请填写文号').max(64, '文号最多 64 个字符'),
    reason: z.string({ error: '请填写事由' }).trim().min(2, '事由至少 2 个字').max(1000, '事由最多 1000 字'),
    priceWan: z.number({ error: '价款须为数字（万元）' }).min(0, '价款不能为负').max(1e9, '价款过大').optional(),
    dueDate: isoDateSchema('归还日期须为有效日期 YYYY-MM-DD').optional(),
    relatedMovementId: z.number().int().positive().max(INT4_MAX, '流水编号超出范围').optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `不支持的字段：${issue.keys.join('、')}` : undefined) },
);
export type MovementRequest = z.infer<typeof movementRequestSchema>;

export interface AccountOwner {
  kind: OwnerKind;
  code: string;
  name: string;
}

export interface FactorAccount {
  id: number;
  factor: FactorKey;
  factorName: string;
  owner: AccountOwner;
  year: number;
  unit: string;
  fundingSource: string;
  balance: number;
}

export interface FactorMovement {
  id: number;
  kind: MovementKind;
  factor: FactorKey;
  year: number;
  unit: string;
  fundingSource: string;
  from: { accountId: number; owner: AccountOwner };
  to: { accountId: number; owner: AccountOwner };
  amount: number;
  priceWan: number | null;
  dueDate: string | null;
  relatedMovementId: number | null;
  documentNo: string;
  reason: string;
  operator: string | null;
  requestKey: string;
  createdAt: string;
}

export interface FactorLoan {
  movementId: number;
  factor: FactorKey;
  year: number;
  unit: string;
  lender: AccountOwner;
  borrower: AccountOwner;
  amount: number;
  repaid: number;
  outstanding: number;
  dueDate: string;
  overdue: boolean;
  overdueDays: number;
  documentNo: string;
}

/** A configured pooling rule (Art. 17/18): a share of what a movement brings in goes on to the city pool. */
export interface FactorRule {
  id: string;
  name: string;
  movementKind: MovementKind;
  fromOwnerKind: OwnerKind;
  toOwnerKind: OwnerKind;
  factors: FactorKey[];
  cityShare: number;
  enabled: boolean;
  basis: string;
}
