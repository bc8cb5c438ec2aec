import GeoJSONVT from 'geojson-vt';
import type { Knex } from 'knex';
import vtpbf from 'vt-pbf';
import { tileFeatures, tileMvt, type TileAddress } from './tiles.repository.ts';

export type TileEncoder = 'postgis' | 'js';

export type TileRequest = TileAddress;

const EXTENT = 4096;
const BUFFER = 64;
const WORLD_M = 40075016.685578488;

/** Half a tile pixel in metres at zoom z: below what the 4096 grid can show. */
const toleranceAt = (z: number) => WORLD_M / 2 ** z / EXTENT / 2;

export async function encodeWithPostgis(db: Knex, t: TileRequest): Promise<Buffer> {
  return tileMvt(db, t, toleranceAt(t.z));
}

/** The same tile from GeoJSON with geojson-vt (clip, simplify, quantise) and vt-pbf (encode). */
export async function encodeWithJs(db: Knex, t: TileRequest): Promise<Buffer> {
  const rows = await tileFeatures(db, t);
  if (rows.length === 0) return Buffer.alloc(0);
  const fc = {
    type: 'FeatureCollection' as const,
    features: rows.map((f) => ({
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
