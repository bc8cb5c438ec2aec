-- Movements and one audit record each, written under the row locks of every account the posting touches.
-- SELECT … FOR UPDATE in ascending id order: every writer locks in the same order, so two movements
-- between the same accounts in opposite directions queue instead of deadlocking. Under READ COMMITTED a
-- row lock that had to wait returns the row as the other writer committed it, so the balance checked
-- here is the latest one. The gate aggregates over every locked row, so all locks are held before any
-- insert; when the debited balance is short nothing is inserted and the caller answers with what is
-- available. The insert trigger applies the balances; the CHECK balance >= 0 stays the last defence.
with locked as materialized (
  select id, balance from factor_accounts where id = any(:lockIds::int[]) order by id for update
),
gate as (
  select max(balance) filter (where id = :debitId::int) as available,
         not :checkBalance::boolean or coalesce(bool_or(id = :debitId::int and balance::float8 >= :amount::float8), false) as ok
  from locked
),
wanted as (
  select * from jsonb_to_recordset(:movements::jsonb)
    as w(ord int, kind text, from_account_id int, to_account_id int, amount numeric, price_wan numeric, due_date date,
         related_movement_id bigint, document_no text, reason text, request_key text, detail jsonb)
),
movement as (
  insert into factor_movements (kind, from_account_id, to_account_id, amount, price_wan, due_date, related_movement_id,
                                document_no, reason, operator_id, request_key, request_hash)
  select w.kind, w.from_account_id, w.to_account_id, w.amount, w.price_wan, w.due_date, w.related_movement_id,
         w.document_no, w.reason, :operatorId::int, w.request_key, :requestHash::text
  from wanted w, gate
  where gate.ok
  order by w.ord
  returning id, created_at, request_key
),
audit as (
  insert into audit_log (actor_id, actor_username, action, entity_kind, entity_id, detail, ip)
  select :operatorId::int, :actorUsername::text, 'factor.movement.' || w.kind, 'factor_movement', m.id::text, w.detail, :ip::text
  from movement m
  join wanted w on w.request_key = m.request_key
  order by m.id
)
select gate.available, gate.ok, m.id, m.created_at, m.request_key
from gate
left join movement m on true
order by m.id
