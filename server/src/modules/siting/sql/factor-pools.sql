-- Balances of the factor pools (要素账户, issue 6) a site can draw on in a year: its county-level unit's
-- own accounts and the city pool (市级统筹池), one row per factor. Funds are kept per funding source
-- and do not depend on the site, so they are left out.
select a.factor,
       sum(a.balance) filter (where a.owner_kind = 'county') as county_balance,
       sum(a.balance) filter (where a.owner_kind = 'city') as city_balance
from factor_accounts a
left join regions r on r.id = a.region_id
where a.year = :year::int
  and a.factor <> 'funds'
  and ((a.owner_kind = 'county' and r.code = :countyCode::text) or a.owner_kind = 'city')
group by a.factor
order by a.factor
