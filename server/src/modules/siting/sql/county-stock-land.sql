-- Stock land (批而未供、闲置、储备) in a county-level unit: parcels whose interior point lies in it.
-- Each parcel is measured in its own CGCS2000 3-degree GK zone (EPSG 4513 + zone - 25, zone by the
-- parcel's centroid, the same rule as gkZone in common/src/units.ts).
-- The layer's few parcels are taken first (materialised, by layer id): filtering the county's bounding
-- box through the spatial index first would walk every feature of every layer there (10^6 farmland).
with stock as materialized (
  select f.geom
  from layer_features f
  where f.layer_id = (select l.id from layers l where l.key = :stockLayer::text)
)
select count(*)::int as parcels,
       coalesce(sum(ST_Area(ST_Transform(s.geom, 4513 + floor((ST_X(ST_Centroid(s.geom)) + 1.5) / 3)::int - 25))), 0) as m2
from stock s
join regions r on r.code = :countyCode::text
where s.geom && r.geom
  and ST_Intersects(r.geom, ST_PointOnSurface(s.geom))
