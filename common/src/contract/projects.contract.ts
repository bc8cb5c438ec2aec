import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import type { MissingAttribute } from '../project-classification.ts';
import { projectCreateSchema, projectSiteSchema, type ProjectNeeds, type ProjectRound, type ProjectSiteVersion } from '../projects.ts';
import type { SitingAnalysis } from '../siting.ts';
import { idParams, routeTable, XLSX } from './route.ts';

export { projectCreateSchema, projectSiteSchema };
export type { MissingAttribute };
export type { ProjectRound, ProjectSiteVersion, ProjectTaskSummary, VerdictKey } from '../projects.ts';

/** GET /api/projects and GET /api/projects/export.xlsx */
export const projectListQuery = z.object({
  stage: z.string().optional(),
  county: z.string().optional(),
  type: z.string().optional(),
  library: z.string().optional(),
  industry: z.string().optional(),
  q: z.string().max(64, '搜索词不超过 64 个字').optional(),
  minInvestment: z.coerce.number({ error: '最低投资须为数字' }).min(0).optional(),
  maxInvestment: z.coerce.number({ error: '最高投资须为数字' }).min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** GET /api/projects/features */
export const projectFeaturesQuery = z.object({ stage: z.string().optional(), county: z.string().optional() });

/** POST /api/projects/{id}/transitions */
export const transitionBody = z.object({ to: z.string({ error: '请指定目标阶段（to）' }).min(1, '请指定目标阶段（to）'), note: z.string().max(1000, '说明不超过 1000 字').default('') });

/** The needs as the request sends them (the schema's own type). */
export type ProjectNeedsInput = ProjectNeeds;

export type SiteSource = 'drawn' | 'imported' | 'picked';

export interface ProjectCreateInput {
  name: string;
  unitName: string;
  county: string;
  type: string;
  industryCode?: string;
  industryName?: string;
  strategicEmerging?: boolean;
  investmentWan?: number;
  foreignAnnualNewUsdM?: number;
  foreignCashRegisteredUsdM?: number;
  fundingSources?: string[];
  plannedStart?: string;
  plannedEnd?: string;
  nationalCode?: string;
  needs?: ProjectNeedsInput;
  site: { geometry: Polygon | MultiPolygon; source: SiteSource; note?: string };
}

export interface Classified {
  category: string;
  reason: string;
}

/** POST /api/projects */
export interface ProjectCreated {
  id: number;
  code: string;
  stage: string;
  classification: Classified[];
  missing: MissingAttribute[];
  siting: { verdict: SitingAnalysis['verdict']; areaMu: number };
}

export interface ProjectTransitionOption {
  to: string;
  action: string;
  label: string;
}

export interface ProjectHistoryEntry {
  from: string | null;
  to: string;
  action: string;
  note: string | null;
  at: string;
  actor: string | null;
}

/** GET /api/projects/{id}; the attributes are spread at the top level next to the lifecycle parts. */
export interface ProjectDetail {
  id: number;
  code: string;
  name: string;
  unitName: string;
  county: { code: string; name: string };
  type: string;
  industryCode?: string | null;
  industryName?: string | null;
  strategicEmerging?: boolean;
  investmentWan?: number | null;
  nationalCode?: string | null;
  plannedStart?: string | null;
  plannedEnd?: string | null;
  fundingSources?: string[];
  needs?: ProjectNeedsInput;
  libraries?: string[];
  stage: string;
  stageLabel: string;
  allowedTransitions: ProjectTransitionOption[];
  classification: Classified[];
  missing: MissingAttribute[];
  sites: ProjectSiteVersion[];
  rounds: ProjectRound[];
  formalOpinions: { round: number; valid: boolean; invalidatedAt: string | null } | null;
  history: ProjectHistoryEntry[];
  [key: string]: unknown;
}

export interface ProjectFeatureProperties {
  id: number;
  code: string;
  name: string;
  stage: string;
  stageLabel: string;
  type: string;
  county: string;
  investmentWan: number | null;
  siteVersion: number;
  areaMu: number;
}

/** GET /api/projects/features */
export type ProjectFeatureCollection = FeatureCollection<Polygon | MultiPolygon, ProjectFeatureProperties>;

export interface ProjectListItem {
  id: number;
  code: string;
  name: string;
  unitName?: string;
  county: { code: string; name: string };
  type: string;
  stage: string;
  stageLabel: string;
  industryCode?: string | null;
  investmentWan?: number | null;
  libraries?: string[];
  [key: string]: unknown;
}

/** GET /api/projects */
export interface ProjectList {
  total: number;
  items: ProjectListItem[];
}

/** The query of GET /api/projects as the client sends it. */
export interface ProjectListQuery {
  stage?: string;
  county?: string;
  type?: string;
  library?: string;
  industry?: string;
  minInvestment?: number;
  maxInvestment?: number;
  q?: string;
  limit?: number;
  offset?: number;
}

/** PUT /api/projects/{id}/site */
export interface SiteChanged {
  version: number;
  areaM2: number;
  areaMu: number;
  areaChangeM2: number;
  areaChangeMu: number;
  stage: string;
  formalOpinionsInvalidated: boolean;
}

/** POST /api/projects/{id}/transitions */
export interface ProjectTransitioned {
  id: number;
  stage: string;
  stageLabel: string;
}

export const projectsRoutes = routeTable('projects', [
  { method: 'post', path: '/api/projects', summary: '由选址新建项目', body: projectCreateSchema, response: { status: 201, description: 'ProjectCreated（Location 头指向新项目）' }, errors: [400, 401, 403, 409] },
  { method: 'get', path: '/api/projects', summary: '项目列表（按库、县区、阶段、类型、行业、投资筛选）', query: projectListQuery, response: { status: 200, description: 'ProjectList { total, items }' }, errors: [400, 401] },
  { method: 'get', path: '/api/projects/export.xlsx', summary: '项目清单导出 Excel（与列表相同的筛选）', query: projectListQuery, response: { status: 200, description: 'xlsx', contentType: XLSX }, errors: [400, 401] },
  { method: 'get', path: '/api/projects/import-template.xlsx', summary: '项目导入模板（Excel）', response: { status: 200, description: 'xlsx', contentType: XLSX }, errors: [401] },
  {
    method: 'post', path: '/api/projects/import', summary: 'Excel 导入项目：逐行校验，任一行有误则不导入任何项目（details 列出行号与原因）', upload: z.object({}),
    response: { status: 201, description: '{ imported, projects }' }, errors: [400, 401, 403],
  },
  { method: 'get', path: '/api/projects/features', summary: '项目选址（GeoJSON，每个项目的最新选址版本）', query: projectFeaturesQuery, response: { status: 200, description: 'ProjectFeatureCollection' }, errors: [401] },
  { method: 'get', path: '/api/projects/{id}', summary: '项目详情（含 stage、rounds、选址版本、生命周期）', params: idParams, response: { status: 200, description: 'ProjectDetail' }, errors: [401, 404] },
  { method: 'put', path: '/api/projects/{id}/site', summary: '新的选址版本（通过后修改使正式预审意见失效）', params: idParams, body: projectSiteSchema, response: { status: 200, description: 'SiteChanged' }, errors: [400, 401, 403, 404, 409] },
  { method: 'post', path: '/api/projects/{id}/transitions', summary: '生命周期变更', params: idParams, body: transitionBody, response: { status: 200, description: 'ProjectTransitioned' }, errors: [400, 401, 403, 404, 409] },
]);
