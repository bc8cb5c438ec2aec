-- Every stock-land parcel with what the recommendation filters on: validity (an invalid parcel is never
-- handed to GEOS again), its CGCS2000 GK zone (EPSG 4513 + zone - 25, zone by the centroid, as in
-- county-stock-land.sql), its planar area in that zone and the county holding its interior point.
with parcels as (
  select f.id, f.properties, f.geom, ST_IsValid(f.geom) as valid
  from layer_features f
  join layers l on l.id = f.layer_id
  where l.key = :stockLayer::text and GeometryType(f.geom) in ('POLYGON', 'MULTIPOLYGON')
), zoned as (
  select p.*, case when p.valid then 4513 + floor((ST_X(ST_Centroid(p.geom)) + 1.5) / 3)::int - 25 end as epsg
  from parcels p
)
select z.id::int as id, z.properties, z.valid, z.epsg,
       case when z.valid then ST_Area(ST_Transform(z.geom, z.epsg)) end as m2,
       (select r.code from regions r
         where z.valid and r.level = 'county' and r.geom && z.geom and ST_Intersects(r.geom, ST_PointOnSurface(z.geom))
         order by r.code limit 1) as county
from zoned z
order by z.id
