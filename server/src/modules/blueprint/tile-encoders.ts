import GeoJSONVT from 'geojson-vt';
import type { Knex } from 'knex';
import vtpbf from 'vt-pbf';
import { sqlFile } from '../../db/sql-file.ts';

export type TileEncoder = 'postgis' | 'js';

export interface TileRequest {
  layerId: number;
  layerName: string;
  z: number;
  x: number;
  y: number;
}

const EXTENT = 4096;
const BUFFER = 64;
const WORLD_M = 40075016.685578488;

/** Half a tile pixel in metres at zoom z: below what the 4096 grid can show. */
const toleranceAt = (z: number) => WORLD_M / 2 ** z / EXTENT / 2;

export async function encodeWithPostgis(db: Knex, t: TileRequest): Promise<Buffer> {
  const r = await db.raw(sqlFile(import.meta.url, 'tile-mvt.sql'), { ...t, tolerance: toleranceAt(t.z) });
  return r.rows[0]?.mvt ?? Buffer.alloc(0);
}

/** The same tile from GeoJSON with geojson-vt (clip, simplify, quantise) and vt-pbf (encode). */
export async function encodeWithJs(db: Knex, t: TileRequest): Promise<Buffer> {
  const r = await db.raw(sqlFile(import.meta.url, 'tile-features.sql'), { layerId: t.layerId, z: t.z, x: t.x, y: t.y });
  if (r.rows.length === 0) return Buffer.alloc(0);
  const fc = {
    type: 'FeatureCollection' as const,
    features: r.rows.map((f: { id: number; properties: Record<string, unknown>; geometry: GeoJSON.Geometry }) => ({
      type: 'Feature' as const,
      id: f.id,
      properties: f.properties,
      geometry: f.geometry,
    })),
  };
  const index = new GeoJSONVT(fc as GeoJSON.FeatureCollection, { maxZoom: t.z, indexMaxZoom: 0, indexMaxPoints: 0, extent: EXTENT, buffer: BUFFER, tolerance: 1 });
  const tile = index.getTile(t.z, t.x, t.y);
  if (!tile || tile.features.length === 0) return Buffer.alloc(0);
  return Buffer.from(vtpbf.fromGeojsonVt({ [t.layerName]: tile }, { version: 2, extent: EXTENT }));
}
