-- One vector tile of one layer, encoded by PostGIS (needs protobuf: server PostGIS, not PGlite).
-- Filter: && on the GiST-indexed Web-Mercator copy against the tile envelope grown by the 64/4096 buffer,
-- so no per-row transform happens in the filter. Simplification: half a tile pixel at this zoom.
-- Only scalar attributes travel in the tile (objects and arrays are fetched per feature on click).
with env as (
  select ST_TileEnvelope(:z, :x, :y) as tile,
         ST_TileEnvelope(:z, :x, :y, margin => 64.0 / 4096) as grown
)
select ST_AsMVT(t, :layerName, 4096, 'geom', 'id') as mvt
from (
  select f.id,
         coalesce((select jsonb_object_agg(e.key, e.value) from jsonb_each(f.properties) e
                   where jsonb_typeof(e.value) in ('string', 'number', 'boolean')), '{}'::jsonb) as properties,
         ST_AsMVTGeom(ST_SimplifyPreserveTopology(f.geom_3857, :tolerance), env.tile, 4096, 64, true) as geom
  from layer_features f, env
  where f.layer_id = :layerId
    and f.geom_3857 && env.grown
) t
where t.geom is not null
