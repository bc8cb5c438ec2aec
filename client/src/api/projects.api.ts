import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ProjectRound, ProjectSiteVersion, ProjectTaskSummary, VerdictKey } from '../../../common/src/projects.ts';
import type { MissingAttribute } from '../../../common/src/project-classification.ts';
import type { SitingAnalysis } from '../../../common/src/siting.ts';
import { http } from './http-client';

export type { MissingAttribute };
export type { ProjectRound, ProjectSiteVersion, ProjectTaskSummary, VerdictKey };

export interface ProjectNeedsInput {
  landMu?: number;
  energyTce?: number;
  coalT?: number;
  codT?: number;
  nh3nT?: number;
  so2T?: number;
  noxT?: number;
  vocsT?: number;
  fundsWan?: number;
}

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

/** GET /api/projects/:id; the attributes are spread at the top level next to the lifecycle parts. */
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

export interface SiteChanged {
  version: number;
  areaM2: number;
  areaMu: number;
  areaChangeM2: number;
  areaChangeMu: number;
  stage: string;
  formalOpinionsInvalidated: boolean;
}

export interface Submission {
  round: number;
  tasks: { id: number; department: string; departmentName: string; dueAt: string; assignedBy: string; reason: string }[];
  sitingReport: { id: number; number: string };
}

export interface TaskListItem {
  id: number;
  project: { id: number; code: string; name: string; county: string };
  round: number;
  roundStatus: string;
  department: { code: string; name: string } | string;
  dueAt: string;
  overdue: boolean;
  verdict: VerdictKey | null;
  opinion: string | null;
  conditions: string | null;
  answeredAt: string | null;
}

export interface TaskDetail extends TaskListItem {
  draftOpinion: string | null;
  site: { version: number; areaM2: number; geometry: MultiPolygon | Polygon };
  sitingReport: { id: number; number: string; analysis: SitingAnalysis } | null;
  attributes: Record<string, unknown>;
}

export interface AppNotification {
  id: number;
  kind: string;
  title: string;
  link: string | null;
  createdAt: string;
  read: boolean;
}

/** A query string of the defined, non-empty values. */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const createProject = (input: ProjectCreateInput) => http.post<ProjectCreated>('/api/projects', input);
export const fetchProjects = (query: ProjectListQuery) => http.get<{ total: number; items: ProjectListItem[] }>(`/api/projects${queryString({ ...query })}`);
export const fetchProjectFeatures = () => http.get<ProjectFeatureCollection>('/api/projects/features');
export const fetchProject = (id: number) => http.get<ProjectDetail>(`/api/projects/${id}`);
export const changeProjectSite = (id: number, site: { geometry: Polygon | MultiPolygon; source: SiteSource; note?: string }) => http.put<SiteChanged>(`/api/projects/${id}/site`, site);
export const transitionProject = (id: number, to: string, note?: string) => http.post<{ id: number; stage: string; stageLabel: string }>(`/api/projects/${id}/transitions`, note ? { to, note } : { to });
export const submitProject = (id: number, input: { departments?: string[]; note?: string } = {}) => http.post<Submission>(`/api/projects/${id}/submissions`, input);
export const raiseProblem = (id: number, input: { title: string; description: string }) => http.post<{ id: number }>(`/api/projects/${id}/problems`, input);

export const fetchTasks = (query: { status?: 'open' | 'answered'; overdue?: boolean }) =>
  http.get<TaskListItem[]>(`/api/tasks${queryString({ status: query.status, overdue: query.overdue ? 'true' : undefined })}`);
export const fetchTask = (id: number) => http.get<TaskDetail>(`/api/tasks/${id}`);
export const answerTask = (id: number, input: { verdict: VerdictKey; text: string; conditions?: string }) => http.post<Record<string, unknown>>(`/api/tasks/${id}/opinion`, input);

export const fetchNotifications = () => http.get<AppNotification[]>('/api/notifications');

export const projectKeys = {
  all: ['projects'] as const,
  features: ['projects', 'features'] as const,
  list: (query: ProjectListQuery) => ['projects', 'list', query] as const,
  one: (id: number) => ['projects', 'one', id] as const,
  tasks: (query: { status?: string; overdue?: boolean }) => ['tasks', 'list', query] as const,
  task: (id: number) => ['tasks', 'one', id] as const,
  notifications: ['notifications'] as const,
};
