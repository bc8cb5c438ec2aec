-- Opens factor accounts at balance 0 when they do not exist yet (create on first use); the ids in the
-- order asked. An id is null only when a concurrent request opened the account and committed after this
-- statement's snapshot was taken (the caller reads it again).
with wanted as (
  select * from jsonb_to_recordset(:accounts::jsonb)
    as w(ord int, factor text, owner_kind text, region_id int, project_id int, year int, unit text, funding_source text)
),
opened as (
  insert into factor_accounts (factor, owner_kind, region_id, project_id, year, unit, funding_source)
  select factor, owner_kind, region_id, project_id, year, unit, funding_source from wanted order by ord
  on conflict (factor, owner_kind, coalesce(region_id, 0), coalesce(project_id, 0), year, funding_source) do nothing
  returning id, factor, owner_kind, region_id, project_id, year, funding_source
)
select w.ord, coalesce(o.id, a.id) as id
from wanted w
left join opened o
  on o.factor = w.factor and o.owner_kind = w.owner_kind and coalesce(o.region_id, 0) = coalesce(w.region_id, 0)
 and coalesce(o.project_id, 0) = coalesce(w.project_id, 0) and o.year = w.year and o.funding_source = w.funding_source
left join factor_accounts a
  on a.factor = w.factor and a.owner_kind = w.owner_kind and coalesce(a.region_id, 0) = coalesce(w.region_id, 0)
 and coalesce(a.project_id, 0) = coalesce(w.project_id, 0) and a.year = w.year and a.funding_source = w.funding_source
order by w.ord
