import type { Knex } from 'knex';

const BATCH = 500;

/**
 * Bulk-inserts GeoJSON features into layer_features, BATCH at a time as one JSON array per statement
 * (one round trip per batch on both engines). Geometries are trusted demo/generated data here; user
 * imports go through the import pipeline's validation instead.
 */
export async function insertFeatures(db: Knex | Knex.Transaction, layerId: number, features: Iterable<GeoJSON.Feature>): Promise<number> {
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
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return count;
}
