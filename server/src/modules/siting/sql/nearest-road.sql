-- The nearest road of the road layer: the 5 nearest by bounding-box distance in degrees (cheap, no
-- vertex work), then the exact planar distance in the site's GK zone (0 when a road crosses the site).
-- The exact distance is brute force over vertex pairs, so only those few candidates pay for it.
-- The road layer's features are taken first (materialised, by layer id): a nearest-neighbour walk of
-- the spatial index over all layers would pass every farmland patch nearer than the fifth road
-- (over a second for a site far from main roads among 10^6 patches).
with site as (
  select g, ST_Transform(g, :epsg::int) as gk
  from (select ST_SetSRID(ST_GeomFromGeoJSON(:geometry::text), 4326) as g) s
), roads as materialized (
  select f.id, f.properties, f.geom
  from layer_features f
  where f.layer_id = (select l.id from layers l where l.key = :roadLayer::text)
), candidates as (
  select r.id, r.properties, r.geom
  from roads r, site s
  order by r.geom <#> s.g, r.id
  limit 5
)
select c.id, c.properties ->> 'name' as name, c.properties ->> 'grade' as grade,
       ST_Distance(ST_Transform(c.geom, :epsg::int), s.gk) as distance_m
from candidates c, site s
order by distance_m, c.id
limit 1
