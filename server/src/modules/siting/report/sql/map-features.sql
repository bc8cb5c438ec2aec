-- Features of the drawable layers inside a report map's frame, clipped to the frame and simplified to
-- the print resolution (the tolerance binding, metres), in the site's GK zone. The frame is an
-- envelope in GK metres; its reprojected, densified outline drives the index filter in EPSG:4326.
-- Conflicting features (the findings' ids) come first, so a crowded frame never drops them.
with frame as (
  select ST_MakeEnvelope(:xmin::float8, :ymin::float8, :xmax::float8, :ymax::float8, :epsg::int) as gk
), frame_lonlat as (
  select ST_Expand(ST_Transform(ST_Segmentize(gk, 50), 4326), 0.0005) as g from frame
), clipped as (
  select f.layer_id, f.id, f.id = any(:conflictIds::int[]) as conflict,
         ST_SimplifyPreserveTopology(ST_Intersection(ST_Transform(f.geom, :epsg::int), fr.gk), :tolerance::float8) as g
  from layer_features f
  cross join frame fr
  cross join frame_lonlat fl
  where f.layer_id = any(:layerIds::int[])
    and f.geom && fl.g
)
select layer_id, id, conflict, ST_AsGeoJSON(g, 2)::json as geometry
from clipped
where not ST_IsEmpty(g)
order by conflict desc, layer_id, id
limit :limit::int
