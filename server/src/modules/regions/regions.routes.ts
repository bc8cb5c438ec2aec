import { Router } from 'express';
import type { Knex } from 'knex';
import { regionPointQuery } from '../../../../common/src/contract/regions.contract.ts';
import { requireLogin } from '../../http/session.middleware.ts';
import { parseOr400 } from '../../http/validate.ts';
import { regionsAtPoint, regionsFeatureCollection } from './regions.repository.ts';

export function regionsRoutes(db: Knex) {
  const r = Router();
  r.use(requireLogin);

  r.get('/', async (_req, res) => {
    res.set('Cache-Control', 'private, max-age=300').json(await regionsFeatureCollection(db));
  });

  // Which county-level unit / development zone a point lies in.
  r.get('/at', async (req, res) => {
    const q = parseOr400(regionPointQuery, req.query);
    res.json({ regions: await regionsAtPoint(db, q.lon, q.lat) });
  });

  return r;
}
