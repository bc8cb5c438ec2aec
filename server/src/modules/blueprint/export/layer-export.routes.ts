import { Router } from 'express';
import { exportQuery } from '../../../../../common/src/contract/blueprint.contract.ts';
import { attachment } from '../../../http/upload.ts';
import { actorOf, requestMeta, requireLogin } from '../../../http/session.middleware.ts';
import { parseOr400 } from '../../../http/validate.ts';
import type { LayerExportService } from './layer-export.service.ts';

/** GET /api/layers/:key/export: a layer or a selection as GeoJSON, zipped shapefile or 坐标文件. */
export function layerExportRoutes(exports: LayerExportService) {
  const r = Router();
  r.use(requireLogin);
  r.get('/:key/export', async (req, res) => {
    const q = parseOr400(exportQuery, req.query);
    const file = await exports.export(actorOf(req), req.params.key as string, q, requestMeta(req).ip);
    res.set({ 'Content-Type': file.contentType, 'Content-Disposition': attachment(file.fileName), 'Cache-Control': 'no-store' });
    if (file.report.length) res.set('X-Export-Report', encodeURIComponent(JSON.stringify(file.report.slice(0, 20).map((i) => i.message))));
    res.send(Buffer.from(file.bytes));
  });
  return r;
}
