-- The part of a site that makes a finding, in the site's GK zone: for an "inside" rule the site's
-- overlap with the finding's features, for an "outside" rule the part of the site they do not cover.
with site as (
  select ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(:site::text), 4326), :epsg::int) as g
), features as (
  select ST_Union(ST_Transform(f.geom, :epsg::int)) as g
  from layer_features f
  where f.id = any(:featureIds::int[])
), part as (
  select case when :measure::text = 'outside'
              then (case when fe.g is null then s.g else ST_Difference(s.g, fe.g) end)
              else ST_Intersection(s.g, fe.g) end as g
  from site s cross join features fe
)
select ST_AsGeoJSON(ST_CollectionExtract(g, 3), 2)::json as geometry
from part
where g is not null and not ST_IsEmpty(g)
