import { z } from 'zod';
import type { SitingSeverity } from '../siting.ts';
import { sitingNeedsSchema } from '../siting.ts';
import { recommendRequestSchema } from '../siting-recommend.ts';
import { sitingReportCreateSchema } from '../siting-report.ts';
import { idParams, routeTable } from './route.ts';

export { recommendRequestSchema, sitingNeedsSchema, sitingReportCreateSchema };
export type { SitingAnalysis, SitingFinding, SitingNeeds, SitingSeverity } from '../siting.ts';
export type { RecommendCandidate, RecommendDropped, RecommendRequest, RecommendResult } from '../siting-recommend.ts';
export type { SitingReport, SitingReportSummary } from '../siting-report.ts';

/** POST /api/siting/analyze: the geometry is checked by the analysis itself (its own error codes). */
export const analyzeRequestSchema = z.object({ geometry: z.unknown(), needs: sitingNeedsSchema.optional() });

const severity = z.enum(['forbidden', 'adjust', 'info'], { error: '严重程度须为 forbidden（禁止）、adjust（需调整）或 info（提示）' });
const message = z.string().trim().min(4, '提示信息至少 4 个字').max(500, '提示信息最多 500 字');

/** PUT /api/siting/rules/{id}: fields an admin may change; the id and target of a rule stay (make a new rule for another layer). */
export const sitingRuleChangeSchema = z.strictObject(
  {
    severity: severity.optional(),
    severityWhenClear: severity.nullable().optional(),
    message: message.optional(),
    messageWhenClear: message.nullable().optional(),
    basis: z.string().trim().max(200, '依据最多 200 字').optional(),
    enabled: z.boolean({ error: 'enabled 须为 true 或 false' }).optional(),
    when: z.object({ property: z.string().trim().min(1).max(64), equals: z.string().trim().min(1).max(128) }, { error: '条件须为 { property, equals }' }).nullable().optional(),
    sortOrder: z.number().int().min(0).max(100000).optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? '只能修改 severity、severityWhenClear、message、messageWhenClear、basis、enabled、when、sortOrder' : undefined) },
);

/** POST /api/siting/rules */
export const sitingRuleCreateSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, '规则编号只能含小写字母、数字和连字符'),
  layer: z.string().min(1, '请指定图层'),
  when: z.object({ property: z.string().trim().min(1).max(64), equals: z.string().trim().min(1).max(128) }).optional(),
  measure: z.enum(['inside', 'outside'], { error: 'measure 须为 inside（占用部分）或 outside（位于图层外的部分）' }),
  severity,
  message,
  basis: z.string().trim().max(200).default(''),
  sortOrder: z.number().int().min(0).max(100000).default(5),
});

/** GET /api/siting/reports (the server clamps limit to 1–200, default 50). */
export const reportListQuery = z.object({ limit: z.string().optional() });
/** GET /api/siting/reports/{id}/report.pdf: download=1 answers as an attachment. */
export const reportPdfQuery = z.object({ download: z.string().optional() });

/** A siting rule as `GET /api/siting/rules` lists it. */
export interface SitingRuleRow {
  id: string;
  sortOrder: number;
  layer: string | null;
  kind?: 'hard' | 'soft';
  when?: { property: string; equals: string };
  measure: 'inside' | 'outside';
  severity: SitingSeverity;
  severityWhenClear?: SitingSeverity;
  message: string;
  messageWhenClear?: string;
  basis: string;
  enabled: boolean;
}

export type SitingRuleChange = Partial<{
  severity: SitingSeverity;
  severityWhenClear: SitingSeverity | null;
  message: string;
  messageWhenClear: string | null;
  basis: string;
  enabled: boolean;
  when: { property: string; equals: string } | null;
  sortOrder: number;
}>;

export interface SitingRuleInput {
  id: string;
  layer: string;
  when?: { property: string; equals: string };
  measure: 'inside' | 'outside';
  severity: SitingSeverity;
  message: string;
  basis?: string;
  sortOrder?: number;
}

const ruleId = z.object({ id: z.string() });

export const sitingRoutes = routeTable('siting', [
  { method: 'post', path: '/api/siting/analyze', summary: '选址分析（只读，不保存）', body: analyzeRequestSchema, response: { status: 200, description: 'SitingAnalysis' }, errors: [400, 401, 403] },
  { method: 'post', path: '/api/siting/recommend', summary: '推荐选址：由存量用地生成并排序候选地块', body: recommendRequestSchema, response: { status: 200, description: 'RecommendResult' }, errors: [400, 401, 403] },
  { method: 'get', path: '/api/siting/rules', summary: '选址规则表', response: { status: 200, description: 'SitingRuleRow[]' }, errors: [401, 403] },
  { method: 'post', path: '/api/siting/rules', summary: '新增选址规则', body: sitingRuleCreateSchema, response: { status: 201, description: 'SitingRuleRow' }, errors: [400, 401, 403, 409] },
  { method: 'put', path: '/api/siting/rules/{id}', summary: '修改选址规则', params: ruleId, body: sitingRuleChangeSchema, response: { status: 200, description: 'SitingRuleRow' }, errors: [400, 401, 403, 404] },
  { method: 'post', path: '/api/siting/reports', summary: '生成选址报告（编号、保存规则与图层版本）', body: sitingReportCreateSchema, response: { status: 201, description: 'SitingReport（Location 头指向新报告）' }, errors: [400, 401, 403] },
  { method: 'get', path: '/api/siting/reports', summary: '可查阅的选址报告列表', query: reportListQuery, response: { status: 200, description: 'SitingReportSummary[]' }, errors: [401] },
  { method: 'get', path: '/api/siting/reports/{id}', summary: '选址报告', params: idParams, response: { status: 200, description: 'SitingReport' }, errors: [401, 404] },
  { method: 'get', path: '/api/siting/reports/{id}/map.svg', summary: '选址报告附图（SVG）', params: idParams, response: { status: 200, description: 'SVG', contentType: 'image/svg+xml' }, errors: [401, 404] },
  { method: 'get', path: '/api/siting/reports/{id}/report.pdf', summary: '选址报告 PDF（A4，内嵌中文字体）', params: idParams, query: reportPdfQuery, response: { status: 200, description: 'PDF', contentType: 'application/pdf' }, errors: [401, 404] },
]);
