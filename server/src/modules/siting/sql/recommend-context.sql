-- Where each candidate lies and how far the nearest main road is. County, parks and control unit are
-- those holding the candidate's interior point (a candidate lies within one parcel, so this is the
-- one the planner would name). The road distance is exact and planar in the candidate's GK zone, taken
-- over the 5 roads nearest by bounding box (as in nearest-road.sql); each of those roads is reprojected
-- once per zone for all candidates. The exclusion list says which
-- excluded layers or features the candidate overlaps (a shared edge is no overlap).
with cands as (
  select (c ->> 'id')::int as id, (c ->> 'epsg')::int as epsg, ST_SetSRID(ST_GeomFromGeoJSON(c ->> 'geometry'), 4326) as g
  from json_array_elements(:candidates::json) c
), located as materialized (
  select c.*, ST_PointOnSurface(c.g) as pt, ST_Transform(c.g, c.epsg) as gk from cands c
), roads as materialized (
  -- the road layer first, by layer id: a nearest-neighbour walk of the index over all layers would
  -- pass every farmland patch nearer than the fifth road (see nearest-road.sql)
  select f.id, f.properties, f.geom
  from layer_features f
  where f.layer_id = (select k.id from layers k where k.key = :roadLayer::text)
), near_roads as (
  select l.id as cid, l.epsg, r.id as road_id
  from located l
  cross join lateral (select r.id from roads r order by r.geom <#> l.g, r.id limit 5) r
), roads_gk as materialized (
  -- each nearby road reprojected once per zone, not once per candidate
  select z.road_id, z.epsg, r.properties ->> 'name' as name, ST_Transform(r.geom, z.epsg) as gk
  from (select distinct road_id, epsg from near_roads) z
  join roads r on r.id = z.road_id
), road_distance as materialized (
  select distinct on (n.cid) n.cid, r.name, ST_Distance(r.gk, l.gk) as distance
  from near_roads n
  join roads_gk r on r.road_id = n.road_id and r.epsg = n.epsg
  join located l on l.id = n.cid
  order by n.cid, ST_Distance(r.gk, l.gk), n.road_id
)
select l.id,
       (select json_build_object('code', r.code, 'name', r.name) from regions r
         where r.level = 'county' and r.geom && l.pt and ST_Intersects(r.geom, l.pt) order by r.code limit 1) as county,
       (select json_agg(json_build_object('layer', k.key, 'id', f.id, 'properties', f.properties)
                        order by array_position(:parkLayers::text[], k.key::text), f.id)
          from layer_features f join layers k on k.id = f.layer_id
         where k.key = any(:parkLayers::text[]) and f.geom && l.pt and ST_Intersects(f.geom, l.pt)) as parks,
       (select json_build_object('id', f.id, 'properties', f.properties)
          from layer_features f join layers k on k.id = f.layer_id
         where k.key = :controlUnitLayer::text and f.geom && l.pt and ST_Intersects(f.geom, l.pt)
         order by f.id limit 1) as control_unit,
       case when d.cid is not null then json_build_object('name', d.name, 'distance', d.distance) end as road,
       (select json_agg(json_build_object('layer', k.name, 'id', f.id) order by f.id)
          from layer_features f join layers k on k.id = f.layer_id
         where :hasExclusions::boolean and (k.key = any(:excludeLayers::text[]) or f.id = any(:excludeIds::int[]))
           and f.geom && l.g and ST_Intersects(f.geom, l.g) and not ST_Touches(f.geom, l.g)) as excluded
from located l
left join road_distance d on d.cid = l.id
order by l.id
