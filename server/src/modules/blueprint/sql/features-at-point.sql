-- Identify: features of the given layers at a point, within radiusM metres (lines and points need a
-- radius to be hit). Distances are measured in Web Mercator scaled by cos(lat), which is exact enough
-- for a click tolerance and keeps the filter on the indexed geom_3857.
with p as (
  select ST_Transform(ST_SetSRID(ST_Point(:lon, :lat), 4326), 3857) as g,
         :radiusM / cos(radians(:lat)) as r
)
select f.id, f.layer_id, f.properties, ST_AsGeoJSON(f.geom, 7)::json as geometry
from layer_features f, p
where f.layer_id = any(:layerIds::int[])
  and f.geom_3857 && ST_Expand(p.g, p.r)
  and ST_DWithin(f.geom_3857, p.g, p.r)
order by ST_Distance(f.geom_3857, p.g), f.layer_id, f.id
limit :limit
