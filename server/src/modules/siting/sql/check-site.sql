-- The gate before any analysis. ST_IsValid never throws and runs alone first; every other GEOS call
-- here is guarded by it (an exception inside GEOS can hang PGlite). The size limit uses the
-- ellipsoidal area, which needs no choice of projection zone yet.
with site as (
  select ST_SetSRID(ST_GeomFromGeoJSON(:geometry::text), 4326) as g
), checked as (
  select g, ST_IsValid(g) as valid from site
)
select c.valid,
       case when c.valid then null else ST_IsValidReason(c.g) end as reason,
       case when c.valid then ST_X(ST_Centroid(c.g)) end as centroid_lon,
       case when c.valid then ST_Area(c.g::geography) end as ellipsoidal_m2,
       case when c.valid then exists (
         select 1 from regions r where r.level = 'city' and r.geom && c.g and ST_Intersects(r.geom, c.g)
       ) end as in_city
from checked c
