import { Router } from 'express';
import type { Health } from '../../../../common/src/regions.ts';
import type { Database } from '../../db/database.ts';
import { schemaVersion } from '../../db/migration-source.ts';

export function healthRoutes(db: Database, demo: boolean) {
  const r = Router();
  r.get('/', async (_req, res) => {
    await db.knex.raw('select 1');
    const body: Health = { engine: db.engine, postgis: db.capabilities.postgisVersion, schemaVersion: schemaVersion(), demo, mvt: db.capabilities.mvt };
    res.set('Cache-Control', 'no-store').json(body);
  });
  return r;
}
