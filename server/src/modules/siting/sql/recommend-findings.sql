-- Conflicts of many candidate sites at once, with the same rule semantics as site-findings.sql (which
-- measures one site): each touched feature of a hard or soft polygon layer takes the FIRST rule that
-- applies to it; overlaps are unioned per (candidate, layer, rule) and measured planar in the
-- candidate's GK zone; an outside rule (城镇开发边界) yields a row even when the candidate touches none
-- of the layer's features. One row per (candidate, layer, rule).
with cands as (
  select (c ->> 'id')::int as cid, (c ->> 'epsg')::int as epsg, ST_SetSRID(ST_GeomFromGeoJSON(c ->> 'geometry'), 4326) as g
  from json_array_elements(:candidates::json) c
), rules as (
  select r.ordinality::int as ord, r.value ->> 'id' as id, r.value ->> 'layer' as layer_key, r.value ->> 'kind' as kind,
         r.value #>> '{when,property}' as property, r.value #>> '{when,equals}' as equals, r.value ->> 'measure' as measure
  from json_array_elements(:rules::json) with ordinality as r(value, ordinality)
), constraint_layers as (
  select l.id, l.key, l.name, l.kind from layers l where l.kind in ('hard', 'soft') and l.geometry_type = 'polygon'
), layer_rules as (
  select cl.id as layer_id, r.ord, r.property, r.equals, r.measure
  from constraint_layers cl
  join rules r on r.layer_key = cl.key or (r.layer_key is null and r.kind = cl.kind)
), hits as (
  select c.cid, c.epsg, f.layer_id, f.id, f.properties,
         case when ST_CoveredBy(c.g, f.geom) then c.g else ST_CollectionExtract(ST_Intersection(f.geom, c.g), 3) end as part
  from cands c
  join layer_features f on f.geom && c.g and ST_Intersects(f.geom, c.g)
  where f.layer_id in (select id from constraint_layers)
), matched as (
  select h.*,
         (select lr.ord from layer_rules lr
           where lr.layer_id = h.layer_id and (lr.property is null or h.properties ->> lr.property = lr.equals)
           order by lr.ord limit 1) as rule_ord
  from hits h
), groups as (
  select m.cid, m.layer_id, m.rule_ord,
         ST_Area(ST_Transform(ST_Union(m.part), min(m.epsg))) as covered_m2,
         json_agg(m.id order by m.id) as feature_ids,
         json_agg(coalesce(m.properties ->> 'name', m.properties ->> 'code', m.id::text) order by m.id) as names
  from matched m
  where m.rule_ord is not null
  group by m.cid, m.layer_id, m.rule_ord
), outside_rules as (
  select distinct on (lr.layer_id) lr.layer_id, lr.ord
  from layer_rules lr
  where lr.measure = 'outside' and lr.property is null
  order by lr.layer_id, lr.ord
)
select g.cid, cl.key as layer, cl.name as layer_name, cl.kind, r.id as rule_id, r.measure,
       g.covered_m2, g.feature_ids, g.names
from groups g
join rules r on r.ord = g.rule_ord
join constraint_layers cl on cl.id = g.layer_id
union all
select c.cid, cl.key, cl.name, cl.kind, r.id, r.measure, 0, '[]'::json, '[]'::json
from cands c
cross join outside_rules o
join rules r on r.ord = o.ord
join constraint_layers cl on cl.id = o.layer_id
where not exists (select 1 from groups g where g.cid = c.cid and g.layer_id = o.layer_id and g.rule_ord = o.ord)
order by 1, 2, 5
