-- Features of one layer for export, in the requested CRS. Optional filters: a list of ids (Postgres
-- array literal) and a lon/lat box; both use indexes (primary key, GiST on geom).
select f.id, f.properties, ST_AsGeoJSON(ST_Transform(f.geom, :epsg::int), :digits::int) as geometry
from layer_features f
where f.layer_id = :layerId
  and (:ids::bigint[] is null or f.id = any(:ids::bigint[]))
  and (:minx::float8 is null or f.geom && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4326))
order by f.id
limit :limit
