import type { Knex } from 'knex';
import { sqlFile } from '../../db/sql-file.ts';

export interface LayerRow {
  id: number;
  key: string;
  name: string;
  group_name: string;
  kind: string;
  geometry_type: 'polygon' | 'line' | 'point';
  style: Record<string, unknown>;
  attribute_schema: { key: string; label: string; type: string }[];
  department_code: string | null;
  department_name: string | null;
  data_date: string | null;
  version: number;
  visible_to_roles: string[];
  is_demo: boolean;
  feature_count: number;
  min_zoom: number;
  bbox: [number, number, number, number] | null;
  description: string;
  sort_order: number;
}

const LAYER_COLUMNS = `l.id, l.key, l.name, l.group_name, l.kind, l.geometry_type, l.style, l.attribute_schema,
  d.code as department_code, d.name as department_name, l.data_date, l.version, l.visible_to_roles, l.is_demo,
  l.feature_count, l.min_zoom, l.description, l.sort_order,
  case when l.extent is null then null
       else json_build_array(ST_XMin(l.extent), ST_YMin(l.extent), ST_XMax(l.extent), ST_YMax(l.extent)) end as bbox`;

export async function listLayers(db: Knex): Promise<LayerRow[]> {
  const r = await db.raw(`select ${LAYER_COLUMNS} from layers l left join departments d on d.id = l.source_department_id order by l.sort_order, l.id`);
  return r.rows;
}

export async function findLayer(db: Knex, key: string): Promise<LayerRow | undefined> {
  const r = await db.raw(`select ${LAYER_COLUMNS} from layers l left join departments d on d.id = l.source_department_id where l.key = ?`, [key]);
  return r.rows[0];
}

/**
 * Average features per tile allowed at a layer's min zoom, estimated over the layer's bounding box.
 * The box is larger than the land the features cover (聊城's bbox is ~2× its area), so real tiles hold
 * up to ~2× more. Measured (npm run bench:tiles, 10^6 farmland rectangles): at z12 the estimate is
 * ~3 900 and the largest tile 530 KB, over the 500 KB budget; with 3 000 that layer starts at z13
 * (largest 138 KB).
 */
export const MAX_FEATURES_PER_TILE = 3_000;
const WORLD_M = 40075016.686;

/**
 * The lowest zoom at which a tile holds at most MAX_FEATURES_PER_TILE features on average, assuming the
 * features are spread over the layer's extent (they are, for land-use layers; clustered layers get a
 * lower bound that is still safe for the average tile).
 */
export function minZoomFor(featureCount: number, extentM2: number, latitude: number): number {
  if (featureCount <= MAX_FEATURES_PER_TILE || extentM2 <= 0) return 0;
  const density = featureCount / extentM2;
  for (let z = 0; z <= 16; z++) {
    const side = (WORLD_M * Math.cos((latitude * Math.PI) / 180)) / 2 ** z;
    if (density * side * side <= MAX_FEATURES_PER_TILE) return z;
  }
  return 16;
}

/** Feature count, extent and min zoom, kept on the registry row; called in the transaction that changed the data. */
export async function refreshLayerStats(db: Knex | Knex.Transaction, layerId: number) {
  const stats = await db.raw(
    `update layers set
       feature_count = (select count(*) from layer_features where layer_id = :id),
       extent = (select ST_SetSRID(ST_Extent(geom)::geometry, 4326) from layer_features where layer_id = :id),
       updated_at = now()
     where id = :id
     returning feature_count, coalesce(ST_Area(extent::geography), 0) as extent_m2, coalesce(ST_Y(ST_Centroid(extent)), 0) as lat`,
    { id: layerId },
  );
  const { feature_count, extent_m2, lat } = stats.rows[0];
  await db('layers').where({ id: layerId }).update({ min_zoom: minZoomFor(feature_count, extent_m2, lat) });
}

export async function findFeature(db: Knex, layerId: number, featureId: number) {
  const r = await db.raw(
    `select id, properties, ST_AsGeoJSON(geom, 7)::json as geometry from layer_features where layer_id = ? and id = ?`,
    [layerId, featureId],
  );
  return r.rows[0] as { id: number; properties: Record<string, unknown>; geometry: GeoJSON.Geometry } | undefined;
}

export async function featuresInBbox(db: Knex, layerId: number, bbox: [number, number, number, number], limit: number) {
  const r = await db.raw(sqlFile(import.meta.url, 'features-in-bbox.sql'), {
    layerId,
    minx: bbox[0],
    miny: bbox[1],
    maxx: bbox[2],
    maxy: bbox[3],
    limit: limit + 1,
  });
  return r.rows as { id: number; properties: Record<string, unknown>; geometry: GeoJSON.Geometry }[];
}

// knex expands an array binding into a value list, so the ids travel as one Postgres array literal.
export async function featuresAtPoint(db: Knex, layerIds: number[], lon: number, lat: number, radiusM: number, limit: number) {
  const r = await db.raw(sqlFile(import.meta.url, 'features-at-point.sql'), { layerIds: `{${layerIds.join(',')}}`, lon, lat, radiusM, limit });
  return r.rows as { id: number; layer_id: number; properties: Record<string, unknown>; geometry: GeoJSON.Geometry }[];
}

const INSERT_BATCH = 500;

/**
 * Bulk-inserts GeoJSON features (EPSG:4326) into layer_features, BATCH at a time as one JSON array per
 * statement (one round trip per batch on both engines). Callers pass checked geometries: user files go
 * through import/feature-checks.ts first; demo data is generated valid.
 */
export async function insertLayerFeatures(db: Knex | Knex.Transaction, layerId: number, features: Iterable<GeoJSON.Feature>): Promise<number> {
  let count = 0;
  let batch: GeoJSON.Feature[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await db.raw(
      `insert into layer_features (layer_id, properties, geom)
       select :layerId, coalesce(f -> 'properties', '{}'::json)::jsonb, ST_SetSRID(ST_GeomFromGeoJSON(f ->> 'geometry'), 4326)
       from json_array_elements(:features::json) as f`,
      { layerId, features: JSON.stringify(batch.map((f) => ({ properties: f.properties, geometry: f.geometry }))) },
    );
    count += batch.length;
    batch = [];
  };
  for (const f of features) {
    batch.push(f);
    if (batch.length >= INSERT_BATCH) await flush();
  }
  await flush();
  return count;
}

/** A registry row for a layer created by an import; returns its id. */
export async function insertLayer(
  trx: Knex.Transaction,
  l: { key: string; name: string; group: string; kind: string; geometryType: string; style: unknown; attributeSchema: unknown; sourceDepartmentId: number | null; dataDate: string; description: string },
): Promise<number> {
  const [row] = await trx('layers')
    .insert({
      key: l.key,
      name: l.name,
      group_name: l.group,
      kind: l.kind,
      geometry_type: l.geometryType,
      style: JSON.stringify(l.style),
      attribute_schema: JSON.stringify(l.attributeSchema),
      source_department_id: l.sourceDepartmentId,
      data_date: l.dataDate,
      description: l.description,
      sort_order: 1000,
    })
    .returning('id');
  return row.id;
}

/** Locks a layer's registry row (two imports into one layer run one after the other); its version, or undefined when gone. */
export async function lockLayerVersion(trx: Knex.Transaction, layerId: number): Promise<number | undefined> {
  return (await trx('layers').where({ id: layerId }).forUpdate().first('version'))?.version;
}

export async function deleteLayerFeatures(trx: Knex.Transaction, layerId: number): Promise<void> {
  await trx('layer_features').where({ layer_id: layerId }).del();
}

export async function setLayerVersion(trx: Knex.Transaction, layerId: number, version: number, dataDate: string): Promise<void> {
  await trx('layers').where({ id: layerId }).update({ version, data_date: dataDate });
}
