import { z } from 'zod';
import { isoDateSchema } from './factors.ts';

/** Project needs (要素需求), all optional and non-negative. */
const need = (what: string) => z.number({ error: `${what}须为数字` }).min(0, `${what}不能为负数`).max(1e9, `${what}过大`);
export const projectNeedsSchema = z.strictObject(
  {
    landMu: need('用地（亩）').optional(),
    energyTce: need('能耗（吨标准煤）').optional(),
    coalT: need('煤炭（吨）').optional(),
    codT: need('化学需氧量（吨/年）').optional(),
    nh3nT: need('氨氮（吨/年）').optional(),
    so2T: need('二氧化硫（吨/年）').optional(),
    noxT: need('氮氧化物（吨/年）').optional(),
    vocsT: need('挥发性有机物（吨/年）').optional(),
    fundsWan: need('资金（万元）').optional(),
  },
  { error: (i) => (i.code === 'unrecognized_keys' ? `要素需求只能包含 landMu、energyTce、coalT、codT、nh3nT、so2T、noxT、vocsT、fundsWan` : '要素需求须为对象') },
);
export type ProjectNeeds = z.infer<typeof projectNeedsSchema>;

export const PROJECT_TYPES = ['政府投资', '社会投资', '招商引资'] as const;
export const SITE_SOURCES = ['drawn', 'imported', 'picked'] as const;

const date = (what: string) => isoDateSchema(`${what}须为有效日期 YYYY-MM-DD`);
const text = (what: string, max: number) => z.string({ error: `${what}须为文字` }).trim().max(max, `${what}不超过 ${max} 个字`);

export const projectSiteSchema = z.object(
  {
    geometry: z.unknown(),
    source: z.enum(SITE_SOURCES, { error: '选址来源须为 drawn（绘制）、imported（导入）或 picked（拾取）' }).default('drawn'),
    note: text('选址说明', 500).optional(),
  },
  { error: '选址（site）须为对象，包含 geometry' },
);
export type ProjectSiteInput = z.infer<typeof projectSiteSchema>;

/** POST /api/projects. The site becomes version 1 of the project's map feature. */
export const projectCreateSchema = z.object(
  {
    name: text('项目名称', 128).min(2, '项目名称至少 2 个字'),
    unitName: text('项目单位', 128).min(2, '项目单位至少 2 个字'),
    county: z.string({ error: '县（市、区）须为行政区划代码' }).regex(/^\d{6}$/, '县（市、区）须为 6 位行政区划代码'),
    type: z.enum(PROJECT_TYPES, { error: '项目类型须为 政府投资、社会投资 或 招商引资' }),
    industryCode: z.string().trim().regex(/^[A-T]?\d{2,4}$/i, '行业代码须为国民经济行业分类代码（如 C3612）').optional(),
    industryName: text('行业名称', 64).optional(),
    strategicEmerging: z.boolean({ error: '战略性新兴产业须为是/否' }).optional(),
    investmentWan: need('总投资（万元）').optional(),
    foreignAnnualNewUsdM: need('年度新增外资（百万美元）').optional(),
    foreignCashRegisteredUsdM: need('现汇注册资本（百万美元）').optional(),
    fundingSources: z.array(text('资金来源', 32), { error: '资金来源须为列表' }).max(10, '资金来源最多 10 项').optional(),
    plannedStart: date('计划开工日期').optional(),
    plannedEnd: date('计划竣工日期').optional(),
    nationalCode: z.string().trim().regex(/^[0-9A-Z-]{10,32}$/, '投资项目统一代码格式不正确').optional(),
    isPublic: z.boolean().optional(),
    needs: projectNeedsSchema.optional(),
    site: projectSiteSchema,
  },
  { error: '请求内容须为 JSON 对象' },
).refine((p) => !p.plannedStart || !p.plannedEnd || p.plannedEnd >= p.plannedStart, { message: '计划竣工日期不能早于计划开工日期', path: ['plannedEnd'] });
export type ProjectCreate = z.infer<typeof projectCreateSchema>;

export const VERDICTS = { agree: '同意', conditional: '有条件同意', disagree: '不同意' } as const;
export type VerdictKey = keyof typeof VERDICTS;

export const opinionSchema = z.object(
  {
    verdict: z.enum(['agree', 'conditional', 'disagree'], { error: '审查结论须为 agree（同意）、conditional（有条件同意）或 disagree（不同意）' }),
    text: text('审查意见', 4000).min(2, '请填写审查意见'),
    conditions: text('附加条件', 2000).optional(),
    factorFeedback: z.record(z.string(), z.unknown()).optional(),
  },
  { error: '请求内容须为 JSON 对象' },
).refine((o) => o.verdict !== 'conditional' || (o.conditions?.length ?? 0) > 0, { message: '有条件同意须写明条件', path: ['conditions'] });
export type OpinionInput = z.infer<typeof opinionSchema>;

export const submissionSchema = z.object(
  {
    /** Departments added by hand (codes), besides those the rules assign. */
    departments: z.array(z.string().trim().min(1), { error: '增加的部门须为部门代码列表' }).max(20).optional(),
    note: text('提交说明', 1000).optional(),
  },
  { error: '请求内容须为 JSON 对象' },
);

export interface ProjectTaskSummary {
  id: number;
  department: { code: string; name: string };
  assignedBy: string;
  dueAt: string;
  overdue: boolean;
  verdict: VerdictKey | null;
  opinion: string | null;
  conditions: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
}

export interface ProjectRound {
  round: number;
  id: number;
  status: 'open' | 'passed' | 'rejected' | 'withdrawn';
  siteVersion: number;
  sitingReport: { id: number; number: string } | null;
  submittedAt: string;
  closedAt: string | null;
  invalidatedAt: string | null;
  tasks: ProjectTaskSummary[];
}

export interface ProjectSiteVersion {
  version: number;
  areaM2: number;
  areaMu: number;
  epsg: number;
  source: string;
  note: string;
  createdAt: string;
  geometry: GeoJSON.MultiPolygon;
}
