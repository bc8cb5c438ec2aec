-- 9 decimals of a degree (≈ 0.1 mm) keep GK round trips within 1 mm.
-- Takes the parsed features (GeoJSON geometries in their source CRS, bound as epsg), transforms them to 4326 in
-- PostGIS (the authoritative transformation) and checks each one:
--   valid         ST_IsValid of the transformed geometry; reason when not
--   repaired      ST_MakeValid, keeping only the input's dimension (no stray points or lines)
--   area_change   |repaired − original| / original, planar in the GK zone of the feature (polygons)
--   in_city       meets 聊城市 grown by 5 km (a feature entirely elsewhere means a wrong CRS or file)
with input as (
  select (f.ordinality - 1)::int as idx,
         ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(f.value ->> 'geometry'), :epsg::int), 4326) as g
  from json_array_elements(:geometries::json) with ordinality as f(value, ordinality)
), checked as (
  select idx, g, ST_IsValid(g) as valid from input
), repaired as (
  select idx, g, valid,
         case when valid then null else ST_IsValidReason(g) end as reason,
         case when valid then g else ST_CollectionExtract(ST_MakeValid(g), ST_Dimension(g) + 1) end as fixed,
         case when ST_X(ST_Centroid(ST_Envelope(g))) < 115.5 then 4526 else 4527 end as gk
  from checked
), city as (
  select ST_Buffer(geom::geography, 5000)::geometry as g from regions where level = 'city'
)
select r.idx, r.valid, r.reason,
       ST_GeometryType(r.fixed) as type,
       ST_IsEmpty(r.fixed) as empty,
       ST_NPoints(r.fixed) as npoints,
       case when r.valid or ST_Dimension(r.g) < 2 then 0
            else abs(ST_Area(ST_Transform(r.fixed, r.gk)) - abs(ST_Area(ST_Transform(r.g, r.gk))))
                 / nullif(abs(ST_Area(ST_Transform(r.g, r.gk))), 0) end as area_change,
       coalesce(ST_Intersects(r.fixed, (select g from city)), false) as in_city,
       ST_AsGeoJSON(r.fixed, 9) as geometry
from repaired r
order by r.idx
