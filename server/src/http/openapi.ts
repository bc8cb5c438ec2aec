import { z } from 'zod';
import { movementRequestSchema } from '../../../common/src/factors.ts';
import { opinionSchema, projectCreateSchema, projectSiteSchema, submissionSchema } from '../../../common/src/projects.ts';
import { sitingReportCreateSchema } from '../../../common/src/siting-report.ts';
import { sitingNeedsSchema } from '../../../common/src/siting.ts';
import { recallSchema } from '../modules/factors/allocation.service.ts';
import { decisionSchema, meetingSchema, problemSchema } from '../modules/collaboration/meetings.service.ts';

/**
 * The stable API as OpenAPI 3.1 (GET /api/openapi.json). Request bodies are generated from the same zod
 * schemas the server validates with, so the document cannot drift from what is accepted.
 */
const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
const json = (s: z.ZodType) => ({ required: true, content: { 'application/json': { schema: schema(s) } } });
const ok = (description: string, status = '200') => ({ [status]: { description }, '400': { $ref: '#/components/responses/BadRequest' }, '401': { $ref: '#/components/responses/Unauthenticated' } });
const idParam = (name = 'id') => ({ name, in: 'path', required: true, schema: { type: 'integer', minimum: 1 } });
const notFound = { '404': { $ref: '#/components/responses/NotFound' } };
const conflict = { '409': { $ref: '#/components/responses/Conflict' } };
const forbidden = { '403': { $ref: '#/components/responses/Forbidden' } };

let cached: object | undefined;

export function openApiDocument(): object {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: '一张蓝图 OneBlueprint API',
      version: '1.0.0',
      description: '聊城市重点项目全周期协同管理系统。会话 Cookie 认证（POST /api/auth/login）；错误响应统一为 { error: { code, message, details? } }，message 为中文。',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ob_session' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } } },
        },
      },
      responses: Object.fromEntries(
        [
          ['BadRequest', '输入无效（中文原因）'],
          ['Unauthenticated', '未登录或会话已失效'],
          ['Forbidden', '没有该操作的权限'],
          ['NotFound', '记录不存在或无权访问'],
          ['Conflict', '与当前状态冲突（如审查进行中、余额不足、重复提交）'],
        ].map(([name, description]) => [name, { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]),
      ),
    },
    security: [{ session: [] }],
    paths: {
      '/api/siting/analyze': { post: { summary: '选址分析', requestBody: json(z.object({ geometry: z.unknown(), needs: sitingNeedsSchema.optional() })), responses: { ...ok('分析结果'), ...forbidden } } },
      '/api/siting/reports': {
        post: { summary: '生成选址报告（编号、保存规则与图层版本）', requestBody: json(sitingReportCreateSchema), responses: { ...ok('已保存的报告', '201'), ...forbidden } },
        get: { summary: '可查阅的选址报告列表', responses: ok('报告摘要列表') },
      },
      '/api/siting/reports/{id}': { get: { summary: '选址报告', parameters: [idParam()], responses: { ...ok('报告'), ...notFound } } },
      '/api/siting/reports/{id}/report.pdf': { get: { summary: '选址报告 PDF（A4，内嵌中文字体）', parameters: [idParam()], responses: { '200': { description: 'PDF', content: { 'application/pdf': {} } }, ...notFound } } },
      '/api/projects': {
        post: { summary: '由选址新建项目', requestBody: json(projectCreateSchema), responses: { ...ok('{ id, code, stage, classification: [{ category, reason }] }', '201'), ...forbidden, ...conflict } },
        get: { summary: '项目列表（按库、县区、阶段、类型、行业、投资筛选）', responses: ok('{ total, items }') },
      },
      '/api/projects/export.xlsx': { get: { summary: '项目清单导出 Excel（与列表相同的筛选）', responses: { '200': { description: 'xlsx', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} } } } } },
      '/api/projects/import': {
        post: {
          summary: 'Excel 导入项目：逐行校验，任一行有误则不导入任何项目（details 列出行号与原因）',
          requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } },
          responses: { ...ok('{ imported, projects }', '201'), ...forbidden },
        },
      },
      '/api/projects/{id}': { get: { summary: '项目详情（含 stage、rounds、选址版本、生命周期）', parameters: [idParam()], responses: { ...ok('项目'), ...notFound } } },
      '/api/projects/{id}/site': { put: { summary: '新的选址版本（通过后修改使正式预审意见失效）', parameters: [idParam()], requestBody: json(projectSiteSchema), responses: { ...ok('新版本与面积变化'), ...forbidden, ...notFound, ...conflict } } },
      '/api/projects/{id}/transitions': {
        post: { summary: '生命周期变更', parameters: [idParam()], requestBody: json(z.object({ to: z.string(), note: z.string().optional() })), responses: { ...ok('新阶段'), ...forbidden, ...notFound, ...conflict } },
      },
      '/api/projects/{id}/submissions': {
        post: { summary: '提交策划生成（开启一轮会商）', parameters: [idParam()], requestBody: json(submissionSchema), responses: { ...ok('{ round, tasks: [{ id, department, dueAt }] }', '201'), ...forbidden, ...notFound, ...conflict } },
      },
      '/api/projects/{id}/problems': { post: { summary: '形成问题清单，提报联席会议', parameters: [idParam()], requestBody: json(problemSchema), responses: { ...ok('问题', '201'), ...notFound, ...conflict } } },
      '/api/tasks': { get: { summary: '本人（本部门）的审查任务；市指挥部可查看全部及逾期任务', responses: ok('任务列表') } },
      '/api/tasks/{id}': { get: { summary: '审查任务（选址、冲突报告、意见草稿）', parameters: [idParam()], responses: { ...ok('任务'), ...notFound } } },
      '/api/tasks/{id}/opinion': {
        post: { summary: '反馈审查意见', parameters: [idParam()], requestBody: json(opinionSchema), responses: { ...ok('意见与本轮状态'), ...notFound, ...conflict } },
      },
      '/api/problems': { get: { summary: '问题清单', responses: ok('问题列表') } },
      '/api/meetings': { post: { summary: '召集联席会议（议题取自问题清单）', requestBody: json(meetingSchema), responses: { ...ok('会议与议程', '201'), ...forbidden, ...conflict } } },
      '/api/meetings/{id}/decisions': { post: { summary: '联席会议决定', parameters: [idParam()], requestBody: json(decisionSchema), responses: { ...ok('决定与项目新阶段'), ...forbidden, ...notFound, ...conflict } } },
      '/api/audit': { get: { summary: '审计日志查询（安全审计员）：账号、操作前缀、对象、日期', responses: { ...ok('{ total, items }'), ...forbidden } } },
      '/api/notifications': { get: { summary: '站内通知（本人与本部门）', responses: ok('通知列表') } },
      '/api/projects/{id}/allocation-plan': { post: { summary: '制定要素配置方案（先县级账户，后市级统筹池；缺口给出解决方式与时限）', parameters: [idParam()], responses: { ...ok('方案', '201'), ...forbidden, ...notFound, ...conflict } } },
      '/api/allocation-plans/{id}/approve': { post: { summary: '审批要素配置方案：记入分配流水，要素到位的项目纳入绿色通道', parameters: [idParam()], responses: { ...ok('审批结果'), ...forbidden, ...notFound, ...conflict } } },
      '/api/projects/{id}/recall': { post: { summary: '项目终止或调出时收回未使用的要素指标', parameters: [idParam()], requestBody: json(recallSchema), responses: { ...ok('收回明细'), ...forbidden, ...notFound, ...conflict } } },
      '/api/factors/accounts': { get: { summary: '要素账户余额 [{ id, factor, owner, year, unit, balance }]', responses: ok('账户列表') } },
      '/api/factors/movements': {
        get: { summary: '要素台账（筛选、分页）', responses: ok('流水') },
        post: { summary: '记一笔要素流转（复式记账，requestKey 幂等）', requestBody: json(movementRequestSchema), responses: { ...ok('流转记录', '201'), ...forbidden, ...conflict } },
      },
    },
  };
  return cached;
}
