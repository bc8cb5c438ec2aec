import { Router } from 'express';
import { sitingReportCreateSchema } from '../../../../../common/src/siting-report.ts';
import { actorOf, requestMeta, requireLogin } from '../../../http/session.middleware.ts';
import { objectBody, parseOr400, pathId } from '../../../http/validate.ts';
import { SiteIssue } from '../site-geometry.validation.ts';
import type { SitingReportService } from './siting-report.service.ts';

/** Saved siting reports (issue 4 item 5): create from a site, read, list, the map as SVG, the PDF. */
export function sitingReportRoutes(reports: SitingReportService) {
  const r = Router();
  r.use(requireLogin);

  r.post('/', async (req, res) => {
    const body = objectBody(req.body, { expects: '包含 geometry、可选的 needs 与 title', code: SiteIssue.notObject });
    const input = parseOr400(sitingReportCreateSchema, body);
    const report = await reports.create(actorOf(req), input, requestMeta(req).ip);
    res.status(201).location(`/api/siting/reports/${report.id}`).json(report);
  });

  r.get('/', async (req, res) => {
    const limit = Math.min(200, Math.max(1, Number(req.query.limit) || 50));
    res.json(await reports.list(actorOf(req), limit));
  });

  r.get('/:id', async (req, res) => {
    res.json(await reports.get(actorOf(req), pathId(req.params.id, '选址报告', { invalid: 'not-found' })));
  });

  r.get('/:id/map.svg', async (req, res) => {
    const svg = await reports.svg(actorOf(req), pathId(req.params.id, '选址报告', { invalid: 'not-found' }));
    res.type('image/svg+xml').set('Cache-Control', 'private, no-cache').send(svg);
  });

  r.get('/:id/report.pdf', async (req, res) => {
    const { number, bytes } = await reports.pdf(actorOf(req), pathId(req.params.id, '选址报告', { invalid: 'not-found' }));
    const filename = `精准选址分析报告-${number}.pdf`;
    res
      .type('application/pdf')
      .set('Content-Disposition', `${req.query.download === '1' ? 'attachment' : 'inline'}; filename="${number}.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`)
      .set('Cache-Control', 'private, no-cache')
      .send(Buffer.from(bytes));
  });

  return r;
}
