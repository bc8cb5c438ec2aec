-- County-level boundaries (as lines) inside a report map's frame, in the site's GK zone, with the
-- name of each county whose interior point falls in the frame (for a label).
with frame as (
  select ST_MakeEnvelope(:xmin::float8, :ymin::float8, :xmax::float8, :ymax::float8, :epsg::int) as gk
)
select r.code, r.name,
       ST_AsGeoJSON(ST_SimplifyPreserveTopology(ST_Intersection(ST_Boundary(ST_Transform(r.geom, :epsg::int)), fr.gk), :tolerance::float8), 2)::json as geometry
from regions r
cross join frame fr
where r.level = 'county'
  and r.geom && ST_Transform(fr.gk, 4326)
  and ST_Intersects(ST_Boundary(ST_Transform(r.geom, :epsg::int)), fr.gk)
