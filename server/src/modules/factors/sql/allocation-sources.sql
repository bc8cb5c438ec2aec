-- Every 分配 to a project's accounts, newest first, with the project account and the account it came
-- from: a recall walks them and returns the unused part to where it came from.
select m.id, m.amount, ta.id as project_account, ta.factor, ta.year, fa.id as source_account
from factor_movements m
join factor_accounts ta on ta.id = m.to_account_id
join factor_accounts fa on fa.id = m.from_account_id
where m.kind = '分配' and ta.project_id = :projectId::int
order by m.id desc
