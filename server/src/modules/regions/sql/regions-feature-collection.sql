-- All regions as one GeoJSON FeatureCollection, coarsest level first so the client can draw zones on top.
select json_build_object(
  'type', 'FeatureCollection',
  'features', coalesce(json_agg(json_build_object(
    'type', 'Feature',
    'id', r.id,
    'properties', json_build_object(
      'code', r.code,
      'name', r.name,
      'level', r.level,
      'parentCode', p.code,
      'labelPoint', case when r.label_point is null then null
                         else json_build_array(round(ST_X(r.label_point)::numeric, 6), round(ST_Y(r.label_point)::numeric, 6)) end,
      'isDemo', r.is_demo),
    'geometry', ST_AsGeoJSON(r.geom, 6)::json
  ) order by case r.level when 'city' then 0 when 'county' then 1 else 2 end, r.code), '[]'::json)
) as fc
from regions r
left join regions p on p.id = r.parent_id
