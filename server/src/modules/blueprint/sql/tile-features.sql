-- The features of one tile (envelope grown by the 64/4096 buffer) as GeoJSON, for the JavaScript
-- encoder used where PostGIS has no ST_AsMVT (PGlite). Same filter and attributes as tile-mvt.sql.
with env as (
  select ST_TileEnvelope(:z, :x, :y, margin => 64.0 / 4096) as grown
)
select f.id,
       coalesce((select jsonb_object_agg(e.key, e.value) from jsonb_each(f.properties) e
                 where jsonb_typeof(e.value) in ('string', 'number', 'boolean')), '{}'::jsonb) as properties,
       ST_AsGeoJSON(f.geom, 7)::json as geometry
from layer_features f, env
where f.layer_id = :layerId
  and f.geom_3857 && env.grown
