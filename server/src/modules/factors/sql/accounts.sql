-- Factor accounts with their owner. The factors list and projectRegionId come from the policy module
-- (which factors the caller sees; for county users the only county whose project accounts they see).
select a.id, a.factor, a.owner_kind, a.region_id, a.project_id, a.year, a.unit, a.funding_source, a.balance,
       coalesce(r.code, p.code) as owner_code, coalesce(r.name, p.name) as owner_name, p.region_id as project_region_id
from factor_accounts a
left join regions r on r.id = a.region_id
left join projects p on p.id = a.project_id
where a.factor = any(:factors::text[])
  and (:projectRegionId::int is null or a.owner_kind <> 'project' or p.region_id = :projectRegionId::int)
  and (:factor::text is null or a.factor = :factor::text)
  and (:ownerKind::text is null or a.owner_kind = :ownerKind::text)
  and (:year::int is null or a.year = :year::int)
  and (:region::text is null or r.code = :region::text or p.region_id = (select id from regions where code = :region::text))
  and (:ids::int[] is null or a.id = any(:ids::int[]))
  and (:ownerCode::text is null or coalesce(r.code, p.code, 'external') = :ownerCode::text)
  and (:fundingSource::text is null or a.funding_source = :fundingSource::text)
order by a.year desc, array_position(:factors::text[], a.factor::text),
         array_position('{external,city,county,zone,project}'::text[], a.owner_kind::text), owner_code, a.funding_source
