-- Loans (拆借) with what has been repaid (归还 rows pointing at them); overdue means past the due date
-- with an outstanding amount on the asOf date.
select * from (
  select m.id as movement_id, fa.factor, fa.year, fa.unit, m.amount, m.due_date, m.document_no,
         coalesce(rp.repaid, 0) as repaid, m.amount - coalesce(rp.repaid, 0) as outstanding,
         fa.owner_kind as lender_kind, fr.code as lender_code, fr.name as lender_name,
         ta.owner_kind as borrower_kind, tr.code as borrower_code, tr.name as borrower_name,
         greatest(:asOf::date - m.due_date, 0) as overdue_days
  from factor_movements m
  join factor_accounts fa on fa.id = m.from_account_id
  join factor_accounts ta on ta.id = m.to_account_id
  left join regions fr on fr.id = fa.region_id
  left join regions tr on tr.id = ta.region_id
  left join lateral (select sum(x.amount) as repaid from factor_movements x where x.related_movement_id = m.id and x.kind = '归还') rp on true
  where m.kind = '拆借' and fa.factor = any(:factors::text[])
) l
where (not :openOnly::boolean or outstanding > 0)
  and (not :overdueOnly::boolean or (outstanding > 0 and due_date < :asOf::date))
order by due_date, movement_id
