import type { Knex } from 'knex';

/**
 * The ledger's invariants move into the database:
 * - balances change only through movements: an insert trigger on factor_movements applies the debit and
 *   the credit, and a guard on factor_accounts refuses any other balance change (pg_trigger_depth() tells
 *   the two apart), so "the ledger sums equal the balances" holds whatever code runs;
 * - both sides of a movement have the same factor, year and funding source;
 * - no account below zero, except the external account (上级/外部), the contra account of everything that
 *   enters the city's ledger from outside: its negative balance is the total received;
 * - per-kind columns (price of 调剂/交易, due date of 拆借, loan of 归还) are present.
 * Pooling rules of Art. 17/18 become configuration (factor_rules).
 */
export async function up(knex: Knex) {
  await knex.raw(`alter table factor_accounts drop constraint factor_accounts_balance_nonnegative`);
  await knex.raw(`alter table factor_accounts add constraint factor_accounts_balance_nonnegative check (balance >= 0 or owner_kind = 'external')`);
  await knex.raw(`alter table factor_movements add column request_hash varchar(64) not null default ''`);
  await knex.raw(`alter table factor_movements add constraint factor_movements_price_check check (kind not in ('调剂', '交易') or price_wan is not null)`);
  await knex.raw(`alter table factor_movements add constraint factor_movements_due_check check ((kind = '拆借') = (due_date is not null))`);
  await knex.raw(`alter table factor_movements add constraint factor_movements_related_check check (kind <> '归还' or related_movement_id is not null)`);
  await knex.raw(`create index factor_movements_related on factor_movements (related_movement_id) where related_movement_id is not null`);
  await knex.raw(`create index factor_movements_created on factor_movements (created_at)`);

  await knex.raw(`
    create or replace function factor_movement_apply() returns trigger language plpgsql as $$
    declare
      f factor_accounts%rowtype;
      t factor_accounts%rowtype;
    begin
      select * into f from factor_accounts where id = new.from_account_id;
      select * into t from factor_accounts where id = new.to_account_id;
      if f.factor <> t.factor or f.year <> t.year or f.funding_source <> t.funding_source then
        raise exception 'factor movement % joins accounts of different factor, year or funding source', new.request_key
          using errcode = '23514', constraint = 'factor_movements_same_pool';
      end if;
      update factor_accounts set balance = balance - new.amount where id = new.from_account_id;
      update factor_accounts set balance = balance + new.amount where id = new.to_account_id;
      return null;
    end $$`);
  await knex.raw(`create trigger factor_movements_apply after insert on factor_movements for each row execute function factor_movement_apply()`);

  await knex.raw(`
    create or replace function factor_balance_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' and new.balance <> 0 then
        raise exception 'a factor account opens with balance 0; balances change only through factor_movements' using errcode = '55000';
      end if;
      if tg_op = 'UPDATE' and new.balance is distinct from old.balance and pg_trigger_depth() < 2 then
        raise exception 'factor_accounts.balance changes only through factor_movements' using errcode = '55000';
      end if;
      return new;
    end $$`);
  await knex.raw(`create trigger factor_accounts_balance_guard before insert or update on factor_accounts for each row execute function factor_balance_guard()`);

  await knex.schema.createTable('factor_rules', (t) => {
    t.comment('Pooling rules of Art. 17/18 as configuration: a movement of this kind between these owner kinds passes city_share of its amount on to the city pool (统筹) in the same transaction.');
    t.string('id', 48).primary();
    t.string('name', 64).notNullable();
    t.string('movement_kind', 4).notNullable();
    t.string('from_owner_kind', 8).notNullable();
    t.string('to_owner_kind', 8).notNullable();
    t.specificType('factors', 'text[]').notNullable();
    t.decimal('city_share', 5, 4).notNullable();
    t.boolean('enabled').notNullable().defaultTo(true);
    t.text('basis').notNullable().defaultTo('');
    t.integer('updated_by').references('users.id');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check('city_share >= 0 and city_share <= 1', [], 'factor_rules_share_check');
  });
}

export async function down(knex: Knex) {
  await knex.schema.dropTable('factor_rules');
  await knex.raw('drop trigger factor_accounts_balance_guard on factor_accounts');
  await knex.raw('drop function factor_balance_guard()');
  await knex.raw('drop trigger factor_movements_apply on factor_movements');
  await knex.raw('drop function factor_movement_apply()');
  for (const c of ['price_check', 'due_check', 'related_check']) await knex.raw(`alter table factor_movements drop constraint factor_movements_${c}`);
  await knex.raw('drop index factor_movements_related');
  await knex.raw('drop index factor_movements_created');
  await knex.raw('alter table factor_movements drop column request_hash');
  await knex.raw(`alter table factor_accounts drop constraint factor_accounts_balance_nonnegative`);
  await knex.raw(`alter table factor_accounts add constraint factor_accounts_balance_nonnegative check (balance >= 0)`);
}
