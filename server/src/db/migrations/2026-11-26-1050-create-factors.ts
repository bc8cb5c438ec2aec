import type { Knex } from 'knex';
import { makeAppendOnly } from '../migration-helpers.ts';

export const FACTORS = ['land', 'farmland_balance', 'energy', 'coal', 'cod', 'nh3n', 'so2', 'nox', 'vocs', 'funds'] as const;
export const MOVEMENT_KINDS = ['下达', '挖潜', '预支', '统筹', '调剂', '拆借', '归还', '分配', '收回', '交易'] as const;

export async function up(knex: Knex) {
  await knex.schema.createTable('factor_accounts', (t) => {
    t.comment('Factor pools (要素账户): one per factor x owner (city, county, zone or project) x year; balance never below zero.');
    t.increments('id');
    t.string('factor', 20).notNullable().checkIn([...FACTORS], 'factor_accounts_factor_check');
    t.string('owner_kind', 8).notNullable().checkIn(['external', 'city', 'county', 'zone', 'project'], 'factor_accounts_owner_kind_check');
    t.integer('region_id').references('regions.id');
    t.integer('project_id').references('projects.id');
    t.integer('year').notNullable();
    t.string('unit', 8).notNullable();
    // Funds are kept per funding source (中央预算内, 专项债 …); empty for other factors.
    t.string('funding_source', 32).notNullable().defaultTo('');
    t.decimal('balance', 16, 4).notNullable().defaultTo(0);
    t.check('balance >= 0', [], 'factor_accounts_balance_nonnegative');
    t.check('(owner_kind = ?) = (project_id is not null)', ['project'], 'factor_accounts_project_owner_check');
    t.check(`(owner_kind in ('city','county','zone')) = (region_id is not null)`, [], 'factor_accounts_region_owner_check');
  });
  await knex.raw(`create unique index factor_accounts_identity on factor_accounts
    (factor, owner_kind, coalesce(region_id, 0), coalesce(project_id, 0), year, funding_source)`);

  await knex.schema.createTable('factor_movements', (t) => {
    t.comment('The factor ledger: immutable double-entry movements between accounts; a correction is a new movement.');
    t.bigIncrements('id');
    t.string('kind', 4).notNullable().checkIn([...MOVEMENT_KINDS], 'factor_movements_kind_check');
    t.integer('from_account_id').notNullable().references('factor_accounts.id');
    t.integer('to_account_id').notNullable().references('factor_accounts.id');
    t.decimal('amount', 16, 4).notNullable();
    t.decimal('price_wan', 14, 2);
    t.date('due_date');
    t.bigInteger('related_movement_id').references('factor_movements.id');
    t.string('document_no', 64).notNullable().defaultTo('');
    t.text('reason').notNullable().defaultTo('');
    t.integer('operator_id').references('users.id');
    // Idempotency: a retried request with the same key moves once.
    t.string('request_key', 64).notNullable().unique();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check('amount > 0', [], 'factor_movements_amount_positive');
    t.check('from_account_id <> to_account_id', [], 'factor_movements_distinct_accounts');
    t.index(['from_account_id']);
    t.index(['to_account_id']);
  });
  await makeAppendOnly(knex, 'factor_movements');
}

export async function down(knex: Knex) {
  await knex.schema.dropTable('factor_movements');
  await knex.schema.dropTable('factor_accounts');
}
