-- Where a (checked, valid) site lies, the largest overlap winning at each level. Areas are planar in the
-- site's GK zone (bound as epsg); the intersection is cut in EPSG 4326 first so only the small overlap
-- is reprojected, not a whole county boundary.
with site as (
  select g, ST_Transform(g, :epsg::int) as gk
  from (select ST_SetSRID(ST_GeomFromGeoJSON(:geometry::text), 4326) as g) s
), regions_hit as (
  select r.level, r.code, r.name, ST_Area(ST_Transform(ST_Intersection(r.geom, s.g), :epsg::int)) as overlap
  from regions r, site s
  where r.level in ('county', 'zone') and r.geom && s.g and ST_Intersects(r.geom, s.g)
), context_hit as (
  select l.key as layer, f.id, f.properties,
         ST_Area(ST_Transform(ST_Intersection(f.geom, s.g), :epsg::int)) as overlap
  from site s
  join layer_features f on f.geom && s.g and ST_Intersects(f.geom, s.g)
  join layers l on l.id = f.layer_id
  where l.key = any(:parkLayers::text[]) or l.key = :controlUnitLayer::text
)
select ST_Area(s.gk) as m2,
       ST_Area(s.g::geography) as ellipsoidal_m2,
       (select json_build_object('code', h.code, 'name', h.name) from regions_hit h
         where h.level = 'county' order by h.overlap desc, h.code limit 1) as county,
       (select json_build_object('code', h.code, 'name', h.name) from regions_hit h
         where h.level = 'zone' order by h.overlap desc, h.code limit 1) as zone,
       -- a park (industrial-parks) before the development zone that contains it
       (select json_build_object('layer', h.layer, 'id', h.id, 'properties', h.properties) from context_hit h
         where h.layer = any(:parkLayers::text[])
         order by array_position(:parkLayers::text[], h.layer::text), h.overlap desc, h.id limit 1) as park,
       (select json_build_object('id', h.id, 'properties', h.properties) from context_hit h
         where h.layer = :controlUnitLayer::text order by h.overlap desc, h.id limit 1) as control_unit
from site s
