-- Where a (checked, valid) site lies, the largest overlap winning at each level. Areas are planar in the
-- site's GK zone (bound as epsg); the intersection is cut in EPSG 4326 first so only the small overlap
-- is reprojected, not a whole county boundary. An overlap is only measured when it decides something:
-- when two or more units of one level (or of one context layer) meet the site. The context layers'
-- features are picked by layer id before any exact test, so dense layers (10^6 farmland patches under
-- a large site) cost nothing here.
with site as (
  select g, ST_Transform(g, :epsg::int) as gk
  from (select ST_SetSRID(ST_GeomFromGeoJSON(:geometry::text), 4326) as g) s
), regions_hit as materialized (
  select r.level, r.code, r.name, r.geom, count(*) over (partition by r.level) as n
  from regions r, site s
  where r.level in ('county', 'zone') and r.geom && s.g and ST_Intersects(r.geom, s.g)
), context_hit as materialized (
  select l.key as layer, f.id, f.properties, f.geom, count(*) over (partition by l.key) as n
  from site s
  join layer_features f on f.geom && s.g and ST_Intersects(f.geom, s.g)
  join layers l on l.id = f.layer_id
  where f.layer_id = any(array(select l2.id from layers l2 where l2.key = any(:parkLayers::text[]) or l2.key = :controlUnitLayer::text))
)
select ST_Area(s.gk) as m2,
       ST_Area(s.g::geography) as ellipsoidal_m2,
       (select json_build_object('code', h.code, 'name', h.name) from regions_hit h
         where h.level = 'county'
         order by case when h.n > 1 then ST_Area(ST_Transform(ST_Intersection(h.geom, s.g), :epsg::int)) end desc nulls last, h.code
         limit 1) as county,
       (select json_build_object('code', h.code, 'name', h.name) from regions_hit h
         where h.level = 'zone'
         order by case when h.n > 1 then ST_Area(ST_Transform(ST_Intersection(h.geom, s.g), :epsg::int)) end desc nulls last, h.code
         limit 1) as zone,
       -- a park (industrial-parks) before the development zone that contains it
       (select json_build_object('layer', h.layer, 'id', h.id, 'properties', h.properties) from context_hit h
         where h.layer = any(:parkLayers::text[])
         order by array_position(:parkLayers::text[], h.layer::text),
                  case when h.n > 1 then ST_Area(ST_Transform(ST_Intersection(h.geom, s.g), :epsg::int)) end desc nulls last, h.id
         limit 1) as park,
       (select json_build_object('id', h.id, 'properties', h.properties) from context_hit h
         where h.layer = :controlUnitLayer::text
         order by case when h.n > 1 then ST_Area(ST_Transform(ST_Intersection(h.geom, s.g), :epsg::int)) end desc nulls last, h.id
         limit 1) as control_unit
from site s
