-- What a posting must know before the service's checks, one statement and one row per side: the account
-- the side names (by id, or by owner code for the city, the external account and named owners), whether
-- the request key was seen, and the enabled pooling rules of the movement kind (the service picks those
-- for its factor and owner kinds). Nothing is locked here; post-movements.sql takes the locks.
-- A side by reference without a fast lookup, or whose account is missing, is looked up by owner
-- (owner.sql): a region or project named by code that has no account under that code has none at all,
-- since a regional account has no project and a project account no region (the CHECKs of migration 1050).
with ref (side, id, fast, fast_code, factor, owner_kind, year, funding_source) as (
  values ('from', :fromId::int, :fromFast::boolean, :fromFastCode::text, :fromFactor::text, :fromKind::text, :fromYear::int, :fromFundingSource::text),
         ('to', :toId::int, :toFast::boolean, :toFastCode::text, :toFactor::text, :toKind::text, :toYear::int, :toFundingSource::text)
)
select ref.side, a.id, a.factor, a.owner_kind, a.region_id, a.project_id, a.year, a.unit, a.funding_source, a.balance,
       coalesce(r.code, p.code) as owner_code, coalesce(r.name, p.name) as owner_name, p.region_id as project_region_id,
       (select jsonb_build_object('id', m.id, 'requestHash', m.request_hash) from factor_movements m where m.request_key = :requestKey::text) as seen,
       (select coalesce(jsonb_agg(to_jsonb(fr) order by fr.id), '[]'::jsonb) from factor_rules fr where fr.movement_kind = :kind::text and fr.enabled) as rules
from ref
left join factor_accounts a on a.id = coalesce(ref.id, case when ref.fast then (
  select x.id
  from factor_accounts x
  left join regions xr on xr.id = x.region_id
  left join projects xp on xp.id = x.project_id
  where x.factor = ref.factor and x.owner_kind = ref.owner_kind and x.year = ref.year and x.funding_source = ref.funding_source
    and (ref.fast_code is null or coalesce(xr.code, xp.code, 'external') = ref.fast_code)
  order by coalesce(xr.code, xp.code)
  limit 1) end)
left join regions r on r.id = a.region_id
left join projects p on p.id = a.project_id
order by ref.side
