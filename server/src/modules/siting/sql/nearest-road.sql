-- The nearest road of the road layer: the 5 nearest by bounding-box distance in degrees (cheap, no
-- vertex work), then the exact planar distance in the site's GK zone (0 when a road crosses the site).
-- The exact distance is brute force over vertex pairs, so only those few candidates pay for it.
with site as (
  select g, ST_Transform(g, :epsg::int) as gk
  from (select ST_SetSRID(ST_GeomFromGeoJSON(:geometry::text), 4326) as g) s
), candidates as (
  select f.id, f.properties, f.geom
  from layer_features f
  join layers l on l.id = f.layer_id, site s
  where l.key = :roadLayer::text
  order by f.geom <#> s.g
  limit 5
)
select c.id, c.properties ->> 'name' as name, c.properties ->> 'grade' as grade,
       ST_Distance(ST_Transform(c.geom, :epsg::int), s.gk) as distance_m
from candidates c, site s
order by distance_m, c.id
limit 1
