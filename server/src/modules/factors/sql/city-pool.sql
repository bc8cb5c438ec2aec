-- The city pool a pooling rule credits: the city (the one region of level city) and, when it is open
-- already, its account for the movement's factor, year and funding source.
select c.id as region_id, c.code, c.name, a.id as account_id
from (select id, code, name from regions where level = 'city' limit 1) c
left join factor_accounts a
  on a.owner_kind = 'city' and a.region_id = c.id and a.project_id is null
 and a.factor = :factor::text and a.year = :year::int and a.funding_source = :fundingSource::text
