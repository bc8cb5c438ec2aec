import { Router } from 'express';
import { z } from 'zod';
import { attachment } from '../../../http/upload.ts';
import { actorOf, requestMeta, requireLogin } from '../../../http/session.middleware.ts';
import { parseOr400 } from '../../../http/validate.ts';
import type { LayerExportService } from './layer-export.service.ts';

const exportQuery = z.object({
  format: z.enum(['geojson', 'shapefile', 'coordinate-file'], { error: '导出格式须为 geojson、shapefile 或 coordinate-file（坐标文件）' }),
  zone: z.coerce.number().int().refine((z) => z === 38 || z === 39, '聊城市只涉及 38、39 带（3 度带）').optional(),
  projected: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  encoding: z.enum(['gbk', 'utf8'], { error: '编码须为 gbk 或 utf8' }).default('gbk'),
  ids: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'ids 须为逗号分隔的要素编号')
    .transform((s) => s.split(',').map(Number))
    .optional(),
  bbox: z
    .string()
    .transform((s) => s.split(',').map(Number))
    .refine((a) => a.length === 4 && a.every(Number.isFinite) && a[0]! < a[2]! && a[1]! < a[3]!, 'bbox 须为 最小经度,最小纬度,最大经度,最大纬度')
    .transform((a) => a as [number, number, number, number])
    .optional(),
});

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
