import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { requireLogin } from '../../http/session.middleware.ts';
import { parseOr400 } from '../../http/validate.ts';
import { regionsAtPoint, regionsFeatureCollection } from './regions.repository.ts';

const pointQuery = z.object({
  lon: z.coerce.number({ error: '经度必须是数字' }).min(-180, '经度超出范围').max(180, '经度超出范围'),
  lat: z.coerce.number({ error: '纬度必须是数字' }).min(-90, '纬度超出范围').max(90, '纬度超出范围'),
});

export function regionsRoutes(db: Knex) {
  const r = Router();
  r.use(requireLogin);

  r.get('/', async (_req, res) => {
    res.set('Cache-Control', 'private, max-age=300').json(await regionsFeatureCollection(db));
  });

  // Which county-level unit / development zone a point lies in.
  r.get('/at', async (req, res) => {
    const q = parseOr400(pointQuery, req.query);
    res.json({ regions: await regionsAtPoint(db, q.lon, q.lat) });
  });

  return r;
}
