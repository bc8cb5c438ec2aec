import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { opinionSchema, projectCreateSchema, projectSiteSchema, submissionSchema } from '../../../../common/src/projects.ts';
import { badRequest } from '../../http/app-error.ts';
import { actorOf, requestMeta, requireLogin } from '../../http/session.middleware.ts';
import { parseOr400 } from '../../http/validate.ts';
import type { ConsultationService } from './consultation.service.ts';
import { decisionSchema, meetingSchema, problemSchema, type MeetingsService } from './meetings.service.ts';
import { attachment, uploadedFile, uploadOne } from '../../http/upload.ts';
import { importTemplate, projectsWorkbook, readImport } from './projects-excel.ts';
import { chinaToday, type ProjectsService } from './projects.service.ts';

const id = (v: unknown) => Number(v);
const objectBody = (body: unknown) => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('请求内容须为 JSON 对象（Content-Type: application/json）', undefined, 'NOT_OBJECT');
  return body;
};

const listQuery = z.object({
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

const transitionBody = z.object({ to: z.string({ error: '请指定目标阶段（to）' }).min(1, '请指定目标阶段（to）'), note: z.string().max(1000, '说明不超过 1000 字').default('') });

/** Projects (issue 5): create from a site, read, list, new site versions, lifecycle moves, 策划生成 submissions. */
export function projectsRoutes(db: Knex, projects: ProjectsService, consultation: ConsultationService, meetings: MeetingsService) {
  const r = Router();
  r.use(requireLogin);

  r.post('/', async (req, res) => {
    const input = parseOr400(projectCreateSchema, objectBody(req.body));
    const created = await projects.create(actorOf(req), input, requestMeta(req).ip);
    res.status(201).location(`/api/projects/${created.id}`).json(created);
  });
  r.get('/', async (req, res) => {
    res.json(await projects.list(actorOf(req), parseOr400(listQuery, req.query)));
  });
  // Before '/:id': the list as Excel, the import template, the import (all rows or none).
  r.get('/export.xlsx', async (req, res) => {
    const q = parseOr400(listQuery, req.query);
    const actor = actorOf(req);
    const list = await projects.list(actor, { ...q, limit: 5000, offset: 0 });
    const details = await projects.exportDetails(list.items.map((p) => p.id));
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').set('Content-Disposition', attachment(`重点项目清单-${chinaToday()}.xlsx`)).send(await projectsWorkbook(list.items, details));
  });
  r.get('/import-template.xlsx', async (_req, res) => {
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').set('Content-Disposition', attachment('重点项目导入模板.xlsx')).send(await importTemplate());
  });
  r.post('/import', uploadOne, async (req, res) => {
    const actor = actorOf(req);
    const { bytes } = uploadedFile(req);
    res.status(201).json(await projects.importRows(actor, await readImport(db, projects, actor, bytes), requestMeta(req).ip));
  });
  // Before '/:id': the projects as GeoJSON features (latest site version each) for the map.
  r.get('/features', async (req, res) => {
    const q = parseOr400(z.object({ stage: z.string().optional(), county: z.string().optional() }), req.query);
    res.json(await projects.features(actorOf(req), q));
  });
  r.get('/:id', async (req, res) => {
    res.json(await projects.get(actorOf(req), id(req.params.id)));
  });
  r.put('/:id/site', async (req, res) => {
    const input = parseOr400(projectSiteSchema, objectBody(req.body));
    res.json(await projects.changeSite(actorOf(req), id(req.params.id), input, requestMeta(req).ip));
  });
  r.post('/:id/transitions', async (req, res) => {
    const { to, note } = parseOr400(transitionBody, objectBody(req.body));
    res.json(await projects.transition(actorOf(req), id(req.params.id), to, note, requestMeta(req).ip));
  });
  r.post('/:id/submissions', async (req, res) => {
    const input = parseOr400(submissionSchema, req.body ?? {});
    res.status(201).json(await consultation.submit(actorOf(req), id(req.params.id), input, requestMeta(req).ip));
  });
  r.post('/:id/problems', async (req, res) => {
    const input = parseOr400(problemSchema, objectBody(req.body));
    res.status(201).json(await meetings.raiseProblem(actorOf(req), id(req.params.id), input, requestMeta(req).ip));
  });
  return r;
}

const taskQuery = z.object({ status: z.enum(['open', 'answered'], { error: 'status 只能是 open 或 answered' }).optional(), overdue: z.enum(['true', 'false']).optional() });

/** Review tasks (issue 5 item 4): the caller's list, one task with its site and report, the opinion. */
export function tasksRoutes(consultation: ConsultationService) {
  const r = Router();
  r.use(requireLogin);
  r.get('/', async (req, res) => {
    const q = parseOr400(taskQuery, req.query);
    res.json(await consultation.listTasks(actorOf(req), { status: q.status, overdue: q.overdue === 'true' }));
  });
  r.get('/:id', async (req, res) => {
    res.json(await consultation.getTask(actorOf(req), id(req.params.id)));
  });
  r.post('/:id/opinion', async (req, res) => {
    const input = parseOr400(opinionSchema, objectBody(req.body));
    res.json(await consultation.answer(actorOf(req), id(req.params.id), input, requestMeta(req).ip));
  });
  return r;
}

/** The problem list and the joint meeting (issue 5 item 5). */
export function meetingsRoutes(meetings: MeetingsService) {
  const r = Router();
  r.use(requireLogin);
  r.post('/', async (req, res) => {
    const input = parseOr400(meetingSchema, objectBody(req.body));
    res.status(201).json(await meetings.convene(actorOf(req), input, requestMeta(req).ip));
  });
  r.get('/', async (req, res) => {
    res.json(await meetings.meetings(actorOf(req)));
  });
  r.get('/:id', async (req, res) => {
    res.json(await meetings.meeting(actorOf(req), id(req.params.id)));
  });
  r.post('/:id/decisions', async (req, res) => {
    const input = parseOr400(decisionSchema, objectBody(req.body));
    res.json(await meetings.decide(actorOf(req), id(req.params.id), input, requestMeta(req).ip));
  });
  return r;
}

export function problemsRoutes(meetings: MeetingsService) {
  const r = Router();
  r.use(requireLogin);
  r.get('/', async (req, res) => {
    const status = typeof req.query.status === 'string' ? req.query.status : undefined;
    res.json(await meetings.listProblems(actorOf(req), status));
  });
  return r;
}

/** In-app notifications of the caller: their own and their department's, newest first. */
export function notificationsRoutes(db: Knex) {
  const r = Router();
  r.use(requireLogin);
  // Marks the caller's (and their department's) notifications read: the given ids, or all.
  r.post('/read', async (req, res) => {
    const actor = actorOf(req);
    const { ids } = parseOr400(z.object({ ids: z.array(z.number().int(), { error: 'ids 须为通知编号列表' }).max(500).optional() }, { error: '请求内容须为 JSON 对象' }), req.body ?? {});
    const q = db('notifications').whereNull('read_at').where((w) => w.where('user_id', actor.id).orWhere('department_id', actor.departmentId ?? -1));
    if (ids) q.whereIn('id', ids.filter((id) => id > 0));
    res.json({ marked: await q.update({ read_at: db.fn.now() }) });
  });
  r.get('/', async (req, res) => {
    const actor = actorOf(req);
    const rows = await db('notifications')
      .where((w) => w.where('user_id', actor.id).orWhere('department_id', actor.departmentId ?? -1))
      .orderBy('id', 'desc')
      .limit(100)
      .select('id', 'kind', 'title', 'link', 'created_at', 'read_at');
    // Deadlines near: the department's open tasks due by tomorrow, computed when asked (not stored).
    const tomorrow = chinaToday(new Date(Date.now() + 86_400_000));
    const due = actor.departmentId
      ? await db('consultation_tasks as t')
          .join('consultation_rounds as c', 'c.id', 't.round_id')
          .join('projects as p', 'p.id', 'c.project_id')
          .where({ 't.department_id': actor.departmentId, 'c.status': 'open' })
          .whereNull('t.answered_at')
          .where('t.deadline', '<=', tomorrow)
          .select('t.id', 't.deadline', 'p.name')
      : [];
    res.json([
      // Negative ids: these are not stored notifications.
      ...due.map((t) => ({ id: -t.id, kind: 'task.due', title: `审查任务即将或已经到期：${t.name}（期限 ${String(t.deadline).slice(0, 10)}）`, link: `/tasks/${t.id}`, createdAt: new Date().toISOString(), read: false })),
      ...rows.map((n) => ({ id: n.id, kind: n.kind, title: n.title, link: n.link, createdAt: new Date(n.created_at).toISOString(), read: n.read_at !== null })),
    ]);
  });
  return r;
}
