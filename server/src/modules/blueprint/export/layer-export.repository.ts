import type { Knex } from 'knex';
import { pgArray } from '../../../db/pg-array.ts';
import { sqlFile } from '../../../db/sql-file.ts';

/** A layer's features transformed to `epsg` (coordinates rounded to `digits`), all, by ids or in a bbox, at most `limit`. */
export async function exportFeatures(
  db: Knex,
  q: { layerId: number; epsg: number; digits: number; ids?: number[]; bbox?: [number, number, number, number]; limit: number },
): Promise<GeoJSON.Feature[]> {
  const r = await db.raw(sqlFile(import.meta.url, 'export-features.sql'), {
    layerId: q.layerId,
    epsg: q.epsg,
    digits: q.digits,
    ids: q.ids ? pgArray(q.ids) : null,
    minx: q.bbox?.[0] ?? null,
    miny: q.bbox?.[1] ?? null,
    maxx: q.bbox?.[2] ?? null,
    maxy: q.bbox?.[3] ?? null,
    limit: q.limit,
  });
  return r.rows.map((row: { id: number; properties: Record<string, unknown>; geometry: string }) => ({
    type: 'Feature' as const,
    id: row.id,
    properties: row.properties,
    geometry: JSON.parse(row.geometry),
  }));
}
