-- A site in its GK zone, for the report map: its outline and its bounding box in metres.
with site as (
  select ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(:site::text), 4326), :epsg::int) as g
)
select ST_AsGeoJSON(g, 2)::json as geometry,
       ST_XMin(g) as xmin, ST_YMin(g) as ymin, ST_XMax(g) as xmax, ST_YMax(g) as ymax,
       ST_X(ST_Transform(ST_Centroid(g), 4326)) as lon, ST_Y(ST_Transform(ST_Centroid(g), 4326)) as lat
from site
