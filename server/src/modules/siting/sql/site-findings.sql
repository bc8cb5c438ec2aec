-- Conflicts of sites with every polygon layer of kind hard or soft, one row per (site, layer, rule). The
-- one findings query: the analysis passes its site as a one-element array, the recommendation all its
-- candidates at once (the sites binding: a JSON array of {id, epsg, geometry}, geometry GeoJSON as text
-- or as an object, epsg the site's GK zone).
-- The rules arrive as a JSON array (siting-rules.ts, later a table); each touched feature takes the
-- FIRST rule that applies to its layer and whose property condition holds. Overlaps are unioned per
-- (site, layer, rule), so features of one layer that overlap each other are not counted twice, and
-- measured planar in the site's GK zone. A rule measuring "outside" (城镇开发边界) yields a row for every
-- site even when the site touches none of the layer's features: then all of the site lies outside.
--
-- Cost (10^6 farmland patches, measured by the siting benchmark): a feature inside the site is its own overlap
-- and a site inside a feature is the overlap, so ST_Intersection runs only for features crossing the
-- site's edge. The union of a group is only computed when needed: the overlap parts, flattened to
-- polygons, are collected into one MultiPolygon; when that is valid no two parts share interior (nor an
-- edge), so the union's area is the sum of the parts' areas. Only a group whose parts overlap or abut
-- (a layer of adjacent or overlapping features) pays for ST_UnaryUnion, which gives the same figure.
-- Sites are measured each on its own: two candidates sharing a feature each get their own part of it.
with sites as materialized (
  select (s ->> 'id')::int as sid, (s ->> 'epsg')::int as epsg, ST_SetSRID(ST_GeomFromGeoJSON(s ->> 'geometry'), 4326) as g
  from json_array_elements(:sites::json) s
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
  select s.sid, s.epsg, f.layer_id, f.id, f.properties,
         case when ST_CoveredBy(f.geom, s.g) then f.geom
              when ST_CoveredBy(s.g, f.geom) then s.g
              else ST_CollectionExtract(ST_Intersection(f.geom, s.g), 3) end as part
  from sites s
  join layer_features f on f.geom && s.g and ST_Intersects(f.geom, s.g)
  where f.layer_id = any(array(select id from constraint_layers))
), matched as materialized (
  select h.*,
         (select lr.ord from layer_rules lr
           where lr.layer_id = h.layer_id and (lr.property is null or h.properties ->> lr.property = lr.equals)
           order by lr.ord limit 1) as rule_ord
  from hits h
), pieces as (
  select m.sid, m.layer_id, m.rule_ord, m.epsg, ST_Collect(p.geom) as collected, sum(ST_Area(ST_Transform(p.geom, m.epsg))) as summed_m2
  from matched m, ST_Dump(m.part) p
  where m.rule_ord is not null
  group by m.sid, m.layer_id, m.rule_ord, m.epsg
), covered as materialized (
  select p.sid, p.layer_id, p.rule_ord,
         case when (ST_IsValidDetail(p.collected)).valid then p.summed_m2
              else ST_Area(ST_Transform(ST_UnaryUnion(p.collected), p.epsg)) end as m2
  from pieces p
), groups as (
  select m.sid, m.layer_id, m.rule_ord,
         json_agg(m.id order by m.id) as feature_ids,
         json_agg(coalesce(m.properties ->> 'name', m.properties ->> 'code', m.id::text) order by m.id) as names
  from matched m
  where m.rule_ord is not null
  group by m.sid, m.layer_id, m.rule_ord
), outside_rules as (
  select distinct on (lr.layer_id) lr.layer_id, lr.ord
  from layer_rules lr
  where lr.measure = 'outside' and lr.property is null
  order by lr.layer_id, lr.ord
)
select g.sid, cl.key as layer, cl.name as layer_name, cl.kind, r.id as rule_id, r.measure,
       coalesce(c.m2, 0) as covered_m2, g.feature_ids, g.names
from groups g
left join covered c on c.sid = g.sid and c.layer_id = g.layer_id and c.rule_ord = g.rule_ord
join rules r on r.ord = g.rule_ord
join constraint_layers cl on cl.id = g.layer_id
union all
select s.sid, cl.key, cl.name, cl.kind, r.id, r.measure, 0, '[]'::json, '[]'::json
from sites s
cross join outside_rules o
join rules r on r.ord = o.ord
join constraint_layers cl on cl.id = o.layer_id
where not exists (select 1 from groups g where g.sid = s.sid and g.layer_id = o.layer_id and g.rule_ord = o.ord)
order by 1, 2, 5
