-- Dense 永久基本农田 for benchmarks (演示数据): one field-like rectangle per cell of a square grid laid
-- in the CGCS2000 GK zone 39 plane over 聊城市, skipping cells that meet the layers farmland must avoid.
-- Deterministic without random(): offsets and sizes come from md5 of the cell's (i, j).
with counties as materialized (
  select code, ST_Transform(geom, 4527) as g from regions where level = 'county'
), excluded as materialized (
  select ST_Transform(f.geom, 4527) as g
  from layer_features f join layers l on l.id = f.layer_id
  where l.key in ('town-development-boundary', 'ecological-redline', 'water-source-protection', 'development-zones',
                  'industrial-parks', 'stock-land', 'lakes', 'heritage')
), cells as (
  select c.i, c.j, c.geom,
         ('x' || substr(md5(c.i || ',' || c.j), 1, 8))::bit(32)::bigint as h1,
         ('x' || substr(md5(c.j || ',' || c.i), 1, 8))::bit(32)::bigint as h2
  from ST_SquareGrid(:cell, (select ST_Transform(geom, 4527) from regions where level = 'city')) c
), patches as (
  select k.code as county, cells.i, cells.j, cells.h1, cells.h2,
         ST_MakeEnvelope(
           ST_XMin(cells.geom) + :cell * (0.05 + (cells.h1 % 100) / 1000.0),
           ST_YMin(cells.geom) + :cell * (0.05 + (cells.h2 % 100) / 1000.0),
           ST_XMin(cells.geom) + :cell * (0.70 + (cells.h1 / 100 % 150) / 1000.0),
           ST_YMin(cells.geom) + :cell * (0.70 + (cells.h2 / 100 % 150) / 1000.0),
           4527) as g
  from cells
  join counties k on ST_Contains(k.g, cells.geom)
  where not exists (select 1 from excluded x where x.g && cells.geom and ST_Intersects(x.g, cells.geom))
), numbered as (
  select *, row_number() over (partition by county order by j, i) as serial, row_number() over (order by j, i) as n
  from patches
)
insert into layer_features (layer_id, properties, geom)
select :layerId,
       jsonb_build_object(
         'code', county || '-JBNT-' || lpad(serial::text, 7, '0'),
         'county', county,
         'landClass', (array['水浇地', '水浇地', '水浇地', '旱地', '水田'])[1 + (h1 % 5)::int],
         'quality', 5 + (h2 % 5)::int),
       ST_Transform(g, 4326)
from numbered
where n <= :count
