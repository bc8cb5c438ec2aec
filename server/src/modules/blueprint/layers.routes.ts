import { Router } from 'express';
import { z } from 'zod';
import { actorOf, requireLogin } from '../../http/session.middleware.ts';
import { parseOr400 } from '../../http/validate.ts';
import { MAX_BBOX_FEATURES, toLayerInfo, type LayersService } from './layers.service.ts';

const lon = z.coerce.number({ error: '经度必须是数字' }).min(-180, '经度超出范围').max(180, '经度超出范围');
const lat = z.coerce.number({ error: '纬度必须是数字' }).min(-90, '纬度超出范围').max(90, '纬度超出范围');

const bboxQuery = z.object({
  bbox: z
    .string({ error: '请提供 bbox=最小经度,最小纬度,最大经度,最大纬度' })
    .transform((s) => s.split(',').map(Number))
    .refine((a) => a.length === 4 && a.every(Number.isFinite), 'bbox 须为 4 个数字：最小经度,最小纬度,最大经度,最大纬度')
    .refine((a) => a[0]! < a[2]! && a[1]! < a[3]!, 'bbox 的最小值须小于最大值')
    .refine((a) => a[0]! >= -180 && a[2]! <= 180 && a[1]! >= -90 && a[3]! <= 90, 'bbox 须为经纬度（EPSG:4326）')
    .transform((a) => a as [number, number, number, number]),
  limit: z.coerce.number().int().min(1).max(MAX_BBOX_FEATURES, `limit 最大 ${MAX_BBOX_FEATURES}`).default(1000),
});

const pointQuery = z.object({
  lon,
  lat,
  radius: z.coerce.number().min(0).max(5000, '查询半径最大 5000 米').default(0),
  layers: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : undefined)),
});

const featureId = z.coerce.number({ error: '要素编号必须是整数' }).int('要素编号必须是整数').positive('要素编号必须是正整数');

export function layersRoutes(layers: LayersService) {
  const r = Router();
  r.use(requireLogin);

  r.get('/', async (req, res) => {
    res.json(await layers.list(actorOf(req)));
  });

  // Identify: what is at this point, across the visible layers.
  r.get('/features-at', async (req, res) => {
    const q = parseOr400(pointQuery, req.query);
    res.json(await layers.atPoint(actorOf(req), q.lon, q.lat, q.radius, q.layers));
  });

  r.get('/:key', async (req, res) => {
    res.json(toLayerInfo(await layers.visibleLayer(actorOf(req), req.params.key)));
  });

  r.get('/:key/features', async (req, res) => {
    const q = parseOr400(bboxQuery, req.query);
    res.json(await layers.inBbox(actorOf(req), req.params.key, q.bbox, q.limit));
  });

  r.get('/:key/features/:id', async (req, res) => {
    res.json(await layers.feature(actorOf(req), req.params.key, parseOr400(featureId, req.params.id)));
  });

  return r;
}
