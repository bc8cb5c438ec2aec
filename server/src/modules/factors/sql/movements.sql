-- One page of the ledger, newest first, with both sides' owners. The line FILTER is replaced by
-- movement-filter.sql; walking the primary key backwards, a page costs the same however long the ledger.
select m.id, m.kind, m.amount, m.price_wan, m.due_date, m.related_movement_id, m.document_no, m.reason,
       m.request_key, m.created_at, (select display_name from users where id = m.operator_id) as operator,
       fa.factor, fa.year, fa.unit, fa.funding_source,
       m.from_account_id, fa.owner_kind as from_kind, coalesce(fr.code, fp.code) as from_code, coalesce(fr.name, fp.name) as from_name,
       m.to_account_id, ta.owner_kind as to_kind, coalesce(tr.code, tp.code) as to_code, coalesce(tr.name, tp.name) as to_name
FILTER
order by m.id desc
limit :limit::int offset :offset::int
