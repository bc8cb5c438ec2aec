import type { Knex } from 'knex';
import { sqlFile } from '../../../db/sql-file.ts';

/** What PostGIS says of one incoming geometry (sql/validate-features.sql). */
export interface GeometryCheckRow {
  idx: number;
  valid: boolean;
  reason: string | null;
  type: string;
  empty: boolean;
  npoints: number;
  area_change: number | null;
  in_city: boolean;
  geometry: string;
}

/** Transforms a batch of geometries from `epsg` to EPSG:4326 and checks validity, repair and extent; one row each, by index. */
export async function checkGeometries(db: Knex | Knex.Transaction, geometries: GeoJSON.Geometry[], epsg: number): Promise<GeometryCheckRow[]> {
  const result = await db.raw(sqlFile(import.meta.url, 'validate-features.sql'), { epsg, geometries: JSON.stringify(geometries.map((geometry) => ({ geometry }))) });
  return result.rows;
}

/** Whether PostGIS can transform from this SRID (it is in spatial_ref_sys). */
export async function sridKnown(db: Knex | Knex.Transaction, epsg: number): Promise<boolean> {
  if (!Number.isInteger(epsg) || epsg <= 0 || epsg > 999_999) return false;
  return !!(await db('spatial_ref_sys').where({ srid: epsg }).first('srid'));
}
