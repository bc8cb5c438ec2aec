-- Stock land (批而未供、闲置、储备) in a county-level unit: parcels whose interior point lies in it.
-- Each parcel is measured in its own CGCS2000 3-degree GK zone (EPSG 4513 + zone - 25, zone by the
-- parcel's centroid, the same rule as gkZone in common/src/units.ts).
select count(*)::int as parcels,
       coalesce(sum(ST_Area(ST_Transform(f.geom, 4513 + floor((ST_X(ST_Centroid(f.geom)) + 1.5) / 3)::int - 25))), 0) as m2
from layer_features f
join layers l on l.id = f.layer_id
join regions r on r.code = :countyCode::text
where l.key = :stockLayer::text
  and f.geom && r.geom
  and ST_Intersects(r.geom, ST_PointOnSurface(f.geom))
