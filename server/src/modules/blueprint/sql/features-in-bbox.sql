-- Features of one layer whose geometry meets a lon/lat box; && uses the GiST index on geom.
select f.id, f.properties, ST_AsGeoJSON(f.geom, 7)::json as geometry
from layer_features f
where f.layer_id = :layerId
  and f.geom && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4326)
  and ST_Intersects(f.geom, ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4326))
order by f.id
limit :limit
