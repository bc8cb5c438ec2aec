-- FROM and WHERE of the ledger listing, shared by movements.sql (one page) and movements-count.sql.
-- Visibility as in accounts.sql, applied to both sides, so a county user does not see movements
-- touching another county's project accounts.
from factor_movements m
join factor_accounts fa on fa.id = m.from_account_id
join factor_accounts ta on ta.id = m.to_account_id
left join regions fr on fr.id = fa.region_id
left join projects fp on fp.id = fa.project_id
left join regions tr on tr.id = ta.region_id
left join projects tp on tp.id = ta.project_id
where fa.factor = any(:factors::text[])
  and (:projectRegionId::int is null or ((fa.owner_kind <> 'project' or fp.region_id = :projectRegionId::int)
                                     and (ta.owner_kind <> 'project' or tp.region_id = :projectRegionId::int)))
  and (:factor::text is null or fa.factor = :factor::text)
  and (:kind::text is null or m.kind = :kind::text)
  and (:year::int is null or fa.year = :year::int)
  and (:accountId::int is null or m.from_account_id = :accountId::int or m.to_account_id = :accountId::int)
  and (:region::text is null or fr.code = :region::text or tr.code = :region::text
       or (select id from regions where code = :region::text) in (fp.region_id, tp.region_id))
  and (:ids::bigint[] is null or m.id = any(:ids::bigint[]))
  and (:dateFrom::date is null or m.created_at >= :dateFrom::date)
  and (:dateTo::date is null or m.created_at < :dateTo::date + 1)
