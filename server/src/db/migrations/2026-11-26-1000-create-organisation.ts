import type { Knex } from 'knex';
import { geometry, gistIndex } from '../migration-helpers.ts';

export async function up(knex: Knex) {
  // Shared trigger function for append-only tables (audit log, ledger movements).
  await knex.raw(`
    create or replace function refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = '55000';
    end $$`);

  await knex.schema.createTable('regions', (t) => {
    t.comment('Administrative units: the city, its county-level units and the development zones, with boundaries.');
    t.increments('id');
    t.string('code', 12).notNullable().unique();
    t.string('name', 64).notNullable();
    t.string('level', 8).notNullable().checkIn(['city', 'county', 'zone'], 'regions_level_check');
    t.integer('parent_id').references('regions.id').onDelete('restrict');
    t.specificType('geom', geometry('MultiPolygon')).notNullable();
    t.specificType('label_point', geometry('Point'));
    t.boolean('is_demo').notNullable().defaultTo(false);
    t.check('(level = ? and parent_id is null) or (level <> ? and parent_id is not null)', ['city', 'city'], 'regions_parent_check');
  });
  await gistIndex(knex, 'regions');

  await knex.schema.createTable('departments', (t) => {
    t.comment('Government departments that review projects and own layers (自然资源和规划局, 生态环境局 …).');
    t.increments('id');
    t.string('code', 16).notNullable().unique();
    t.string('name', 64).notNullable().unique();
    t.string('short_name', 16).notNullable();
    t.integer('region_id').notNullable().references('regions.id');
    t.integer('sort_order').notNullable().defaultTo(0);
  });
}

export async function down(knex: Knex) {
  await knex.schema.dropTable('departments');
  await knex.schema.dropTable('regions');
  await knex.raw('drop function refuse_change()');
}
