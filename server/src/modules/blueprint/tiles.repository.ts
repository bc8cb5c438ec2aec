import type { Knex } from 'knex';
import { sqlFile } from '../../db/sql-file.ts';

export interface TileAddress {
  layerId: number;
  layerName: string;
  z: number;
  x: number;
  y: number;
}

/** A layer's features in a tile as one MVT, encoded by PostGIS (ST_AsMVT); empty when none. */
export async function tileMvt(db: Knex, t: TileAddress, tolerance: number): Promise<Buffer> {
  const r = await db.raw(sqlFile(import.meta.url, 'tile-mvt.sql'), { ...t, tolerance });
  return r.rows[0]?.mvt ?? Buffer.alloc(0);
}

/** The same rows (same filter) as GeoJSON, for the JavaScript encoder where PostGIS has no ST_AsMVT. */
export async function tileFeatures(db: Knex, t: TileAddress): Promise<{ id: number; properties: Record<string, unknown>; geometry: GeoJSON.Geometry }[]> {
  const r = await db.raw(sqlFile(import.meta.url, 'tile-features.sql'), { layerId: t.layerId, z: t.z, x: t.x, y: t.y });
  return r.rows;
}
