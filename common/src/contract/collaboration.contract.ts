import type { MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import { isoDateSchema } from '../factors.ts';
import { opinionSchema, submissionSchema, type ProjectTaskSummary } from '../projects.ts';
import type { SitingAnalysis } from '../siting.ts';
import { dbId, idParams, routeTable } from './route.ts';

export { opinionSchema, submissionSchema };

const text = (what: string, max: number) => z.string({ error: `${what}须为文字` }).trim().min(2, `请填写${what}`).max(max, `${what}不超过 ${max} 个字`);
const day = isoDateSchema('日期须为有效日期 YYYY-MM-DD');

/** POST /api/projects/{id}/problems */
export const problemSchema = z.object({ title: text('问题标题', 128), description: text('问题说明', 4000) }, { error: '请求内容须为 JSON 对象' });
/** POST /api/meetings */
export const meetingSchema = z.object(
  { title: text('会议名称', 128), date: day, problemIds: z.array(dbId('议题须为问题编号'), { error: '议题须为问题编号列表' }).min(1, '至少选择一个议题').max(50) },
  { error: '请求内容须为 JSON 对象' },
);
/** POST /api/meetings/{id}/decisions */
export const decisionSchema = z
  .object(
    {
      problemId: z.number({ error: '请指定议题（problemId）' }).int().positive(),
      decision: z.enum(['adopt', 'adopt_with_conditions', 'reject'], { error: '决定须为 adopt（同意纳入）、adopt_with_conditions（附条件同意）或 reject（不同意）' }),
      text: text('会议决定', 4000),
      /** For a rejection: send the project back to planning (return) or stop it (terminate). */
      outcome: z.enum(['return', 'terminate']).optional(),
      responsibleDepartment: z.string().optional(),
      deadline: day.optional(),
    },
    { error: '请求内容须为 JSON 对象' },
  )
  .refine((d) => d.decision !== 'adopt_with_conditions' || (d.responsibleDepartment && d.deadline), { message: '附条件同意须指定责任单位和完成时限', path: ['responsibleDepartment'] });

/** GET /api/tasks */
export const taskQuery = z.object({ status: z.enum(['open', 'answered'], { error: 'status 只能是 open 或 answered' }).optional(), overdue: z.enum(['true', 'false']).optional() });
/** GET /api/problems (an unknown status lists nothing). */
export const problemListQuery = z.object({ status: z.string().optional() });
/** POST /api/notifications/read: the given ids, or all when omitted. */
export const notificationsReadBody = z.object({ ids: z.array(z.number().int(), { error: 'ids 须为通知编号列表' }).max(500).optional() }, { error: '请求内容须为 JSON 对象' });

/** POST /api/projects/{id}/submissions */
export interface Submission {
  round: number;
  tasks: { id: number; department: string; departmentName: string; dueAt: string; assignedBy: string; reason: string }[];
  sitingReport: { id: number; number: string };
}

/** GET /api/tasks: a task with the answer fields of the project's own task summary. */
export interface TaskListItem extends Pick<ProjectTaskSummary, 'dueAt' | 'overdue' | 'verdict' | 'opinion' | 'conditions' | 'answeredAt'> {
  id: number;
  project: { id: number; code: string; name: string; county: string };
  round: number;
  roundStatus: string;
  department: { code: string; name: string } | string;
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

export interface ProblemRow {
  id: number;
  title: string;
  description: string;
  status: 'open' | 'on_agenda' | 'resolved' | 'rejected';
  project_id: number | null;
  project_code: string | null;
  project_name: string | null;
  county: string;
}

export interface AgendaItem {
  problem_id: number;
  decision: 'adopt' | 'adopt_with_conditions' | 'reject' | null;
  decision_text: string | null;
  deadline: string | null;
  department: string | null;
  title: string;
  status: ProblemRow['status'];
  project_id: number | null;
  project_code: string | null;
  project_name: string | null;
  stage: string | null;
}

export interface Meeting {
  id: number;
  title: string;
  date: string;
  status: 'planned' | 'held' | 'closed';
  agenda: AgendaItem[];
}

export interface DecisionInput {
  problemId: number;
  decision: 'adopt' | 'adopt_with_conditions' | 'reject';
  text: string;
  outcome?: 'return' | 'terminate';
  responsibleDepartment?: string;
  deadline?: string;
}

/** POST /api/meetings/{id}/decisions */
export interface DecisionResult {
  projectStage: string | null;
  meetingClosed: boolean;
}

export const collaborationRoutes = routeTable('collaboration', [
  { method: 'post', path: '/api/projects/{id}/submissions', summary: '提交策划生成（开启一轮会商）', params: idParams, body: submissionSchema, response: { status: 201, description: 'Submission' }, errors: [400, 401, 403, 404, 409] },
  { method: 'post', path: '/api/projects/{id}/problems', summary: '形成问题清单，提报联席会议', params: idParams, body: problemSchema, response: { status: 201, description: '{ id }' }, errors: [400, 401, 403, 404, 409] },
  { method: 'get', path: '/api/tasks', summary: '本人（本部门）的审查任务；市指挥部可查看全部及逾期任务', query: taskQuery, response: { status: 200, description: 'TaskListItem[]' }, errors: [400, 401] },
  { method: 'get', path: '/api/tasks/{id}', summary: '审查任务（选址、冲突报告、意见草稿）', params: idParams, response: { status: 200, description: 'TaskDetail' }, errors: [401, 404] },
  { method: 'post', path: '/api/tasks/{id}/opinion', summary: '反馈审查意见', params: idParams, body: opinionSchema, response: { status: 200, description: '意见与本轮状态' }, errors: [400, 401, 403, 404, 409] },
  { method: 'get', path: '/api/problems', summary: '问题清单', query: problemListQuery, response: { status: 200, description: 'ProblemRow[]' }, errors: [401, 403] },
  { method: 'post', path: '/api/meetings', summary: '召集联席会议（议题取自问题清单）', body: meetingSchema, response: { status: 201, description: 'Meeting（含议程）' }, errors: [400, 401, 403, 409] },
  { method: 'get', path: '/api/meetings', summary: '联席会议列表', response: { status: 200, description: 'Meeting[]' }, errors: [401, 403] },
  { method: 'get', path: '/api/meetings/{id}', summary: '联席会议与议程', params: idParams, response: { status: 200, description: 'Meeting' }, errors: [401, 403, 404] },
  { method: 'post', path: '/api/meetings/{id}/decisions', summary: '联席会议决定', params: idParams, body: decisionSchema, response: { status: 200, description: 'DecisionResult（决定与项目新阶段）' }, errors: [400, 401, 403, 404, 409] },
  { method: 'get', path: '/api/notifications', summary: '站内通知（本人与本部门）', response: { status: 200, description: 'AppNotification[]' }, errors: [401] },
  { method: 'post', path: '/api/notifications/read', summary: '标记通知已读（ids 省略时全部）', body: notificationsReadBody, response: { status: 200, description: '标记结果' }, errors: [400, 401] },
]);
