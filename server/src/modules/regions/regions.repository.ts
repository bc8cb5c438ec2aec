import type { Knex } from 'knex';
import { sqlFile } from '../../db/sql-file.ts';

export async function regionsFeatureCollection(db: Knex) {
  const result = await db.raw(sqlFile(import.meta.url, 'regions-feature-collection.sql'));
  return result.rows[0].fc as GeoJSON.FeatureCollection;
}

export async function regionsAtPoint(db: Knex, lon: number, lat: number) {
  const result = await db.raw(sqlFile(import.meta.url, 'region-at-point.sql'), { lon, lat });
  return result.rows as { code: string; name: string; level: 'city' | 'county' | 'zone' }[];
}
