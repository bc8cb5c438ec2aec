import type { Knex } from 'knex';

type Db = Knex | Knex.Transaction;

export async function insertSite(
  trx: Knex.Transaction,
  s: { projectId: number; version: number; geometry: unknown; areaM2: number; epsg: number; source: string; note: string; createdBy: number },
): Promise<number> {
  const r = await trx.raw(
    `insert into project_sites (project_id, version, geom, area_m2, area_epsg, source, note, created_by)
     values (:projectId::int, :version::int, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(:geometry::text), 4326)), :areaM2::float8, :epsg::int, :source::text, :note::text, :createdBy::int)
     returning id`,
    { ...s, geometry: JSON.stringify(s.geometry) },
  );
  return r.rows[0].id;
}

export interface SiteRow {
  id: number;
  version: number;
  area_m2: string;
  area_epsg: number;
  source: string;
  note: string;
  created_at: Date;
  geometry: GeoJSON.MultiPolygon;
}

export async function listSites(db: Db, projectId: number): Promise<SiteRow[]> {
  return db('project_sites')
    .where({ project_id: projectId })
    .orderBy('version')
    .select('id', 'version', 'area_m2', 'area_epsg', 'source', 'note', 'created_at', db.raw('ST_AsGeoJSON(geom, 7)::json as geometry'));
}

export async function latestSite(db: Db, projectId: number): Promise<SiteRow | undefined> {
  return db('project_sites')
    .where({ project_id: projectId })
    .orderBy('version', 'desc')
    .first('id', 'version', 'area_m2', 'area_epsg', 'source', 'note', 'created_at', db.raw('ST_AsGeoJSON(geom, 7)::json as geometry'));
}

export async function findSite(db: Db, id: number): Promise<{ version: number; area_m2: string; geometry: GeoJSON.MultiPolygon }> {
  return db('project_sites').where({ id }).first('version', 'area_m2', db.raw('ST_AsGeoJSON(geom, 7)::json as geometry'));
}

/** A WKT POLYGON or MULTIPOLYGON in lon/lat as GeoJSON; undefined when it does not parse or is another type. */
export async function wktPolygon(db: Db, wkt: string): Promise<unknown | undefined> {
  const r = await db.raw(`select ST_AsGeoJSON(g)::json as geometry from (select ST_GeomFromText(:wkt::text, 4326) as g) s where GeometryType(g) in ('POLYGON', 'MULTIPOLYGON')`, { wkt }).catch(() => undefined);
  return r?.rows[0]?.geometry;
}

/** The geometry of a stock-land parcel (存量地块) by its code, if there is one. */
export async function stockLandParcel(db: Db, code: string): Promise<unknown | undefined> {
  const parcel = await db('layer_features as f').join('layers as l', 'l.id', 'f.layer_id').where('l.key', 'stock-land').whereRaw(`f.properties ->> 'code' = ?`, [code]).first(db.raw('ST_AsGeoJSON(f.geom)::json as geometry'));
  return parcel?.geometry;
}
