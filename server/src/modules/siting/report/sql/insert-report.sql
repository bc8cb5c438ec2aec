-- Numbers a report XZ-<year>-<serial> with the next serial of the year and stores it. The caller holds
-- the transaction-scoped advisory lock on report numbering, so two reports never take one number.
insert into siting_reports (number, title, region_id, project_site_id, geom, needs, analysis, layer_versions, rules, created_by)
select 'XZ-' || y.year || '-' || lpad((coalesce(max(split_part(r.number, '-', 3)::int), 0) + 1)::text, 4, '0'),
       :title::text, :regionId::int, :projectSiteId::int,
       ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(:geometry::text), 4326)),
       :needs::jsonb, :analysis::jsonb, :layerVersions::jsonb, :rules::jsonb, :createdBy::int
from (select extract(year from now() at time zone 'Asia/Shanghai')::int as year) y
left join siting_reports r on r.number like 'XZ-' || y.year || '-%'
group by y.year
returning id, number
