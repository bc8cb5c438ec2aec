import { Router } from 'express';
import { projectCreateSchema, projectFeaturesQuery, projectListQuery, projectSiteSchema, transitionBody } from '../../../../common/src/contract/projects.contract.ts';
import { actorOf, requestMeta, requireLogin } from '../../http/session.middleware.ts';
import { objectBody, parseOr400, pathId } from '../../http/validate.ts';
import { attachment, uploadedFile, uploadOne } from '../../http/upload.ts';
import { importTemplate, projectsWorkbook, readImport } from './projects-excel.ts';
import { chinaToday, type ProjectsService } from './projects.service.ts';


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
    res.json(await projects.list(actorOf(req), parseOr400(projectListQuery, req.query)));
  });
  // Before '/:id': the list as Excel, the import template, the import (all rows or none).
  r.get('/export.xlsx', async (req, res) => {
    const q = parseOr400(projectListQuery, req.query);
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
    const q = parseOr400(projectFeaturesQuery, req.query);
    res.json(await projects.features(actorOf(req), q));
  });
  r.get('/:id', async (req, res) => {
    res.json(await projects.get(actorOf(req), pathId(req.params.id, '项目')));
  });
  r.put('/:id/site', async (req, res) => {
    const input = parseOr400(projectSiteSchema, objectBody(req.body));
    res.json(await projects.changeSite(actorOf(req), pathId(req.params.id, '项目'), input, requestMeta(req).ip));
  });
  r.post('/:id/transitions', async (req, res) => {
    const { to, note } = parseOr400(transitionBody, objectBody(req.body));
    res.json(await projects.transition(actorOf(req), pathId(req.params.id, '项目'), to, note, requestMeta(req).ip));
  });
  return r;
}
