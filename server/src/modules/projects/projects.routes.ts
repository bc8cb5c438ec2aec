import { Router } from 'express';
import { z } from 'zod';
import { projectCreateSchema, projectSiteSchema } from '../../../../common/src/projects.ts';
import { actorOf, requestMeta, requireLogin } from '../../http/session.middleware.ts';
import { objectBody, parseOr400 } from '../../http/validate.ts';
import { attachment, uploadedFile, uploadOne } from '../../http/upload.ts';
import { importTemplate, projectsWorkbook, readImport } from './projects-excel.ts';
import { chinaToday, type ProjectsService } from './projects.service.ts';

const id = (v: unknown) => Number(v);

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

/** Projects (issue 5): create from a site, read, list, Excel, new site versions, lifecycle moves. */
export function projectsRoutes(projects: ProjectsService) {
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
    res.status(201).json(await projects.importRows(actor, await readImport(projects, actor, bytes), requestMeta(req).ip));
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
  return r;
}
