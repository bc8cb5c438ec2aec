import type { MultiPolygon, Polygon } from 'geojson';
import type { AppNotification, Submission, TaskDetail, TaskListItem } from '../../../common/src/contract/collaboration.contract.ts';
import type {
  Classified,
  MissingAttribute,
  ProjectCreated,
  ProjectCreateInput,
  ProjectDetail,
  ProjectFeatureCollection,
  ProjectFeatureProperties,
  ProjectHistoryEntry,
  ProjectList,
  ProjectListItem,
  ProjectListQuery,
  ProjectNeedsInput,
  ProjectRound,
  ProjectSiteVersion,
  ProjectTaskSummary,
  ProjectTransitioned,
  ProjectTransitionOption,
  SiteChanged,
  SiteSource,
  VerdictKey,
} from '../../../common/src/contract/projects.contract.ts';
import { http } from './http-client';

// Response and request types come from the API contract (common/src/contract); re-exported for the client.
export type { MissingAttribute, ProjectRound, ProjectSiteVersion, ProjectTaskSummary, VerdictKey };
export type { Classified, ProjectCreated, ProjectCreateInput, ProjectDetail, ProjectFeatureCollection, ProjectFeatureProperties, ProjectHistoryEntry, ProjectListItem, ProjectListQuery, ProjectNeedsInput, ProjectTransitionOption, SiteChanged, SiteSource };
export type { AppNotification, Submission, TaskDetail, TaskListItem };

/** A query string of the defined, non-empty values. */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const createProject = (input: ProjectCreateInput) => http.post<ProjectCreated>('/api/projects', input);
export const fetchProjects = (query: ProjectListQuery) => http.get<ProjectList>(`/api/projects${queryString({ ...query })}`);
export const fetchProjectFeatures = () => http.get<ProjectFeatureCollection>('/api/projects/features');
export const fetchProject = (id: number) => http.get<ProjectDetail>(`/api/projects/${id}`);
export const changeProjectSite = (id: number, site: { geometry: Polygon | MultiPolygon; source: SiteSource; note?: string }) => http.put<SiteChanged>(`/api/projects/${id}/site`, site);
export const transitionProject = (id: number, to: string, note?: string) => http.post<ProjectTransitioned>(`/api/projects/${id}/transitions`, note ? { to, note } : { to });
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
