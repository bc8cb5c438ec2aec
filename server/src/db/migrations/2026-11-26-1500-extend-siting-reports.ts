import type { Knex } from 'knex';

/**
 * A saved siting report must be citable on its own: who may read it (its county), what was asked
 * (title, needs), and which data and rules produced it (layer versions, rule snapshot), besides the
 * frozen site geometry and analysis the first migration already kept.
 */
export async function up(knex: Knex) {
  await knex.schema.alterTable('siting_reports', (t) => {
    t.string('title', 128).notNullable().defaultTo('');
    t.integer('region_id').references('regions.id');
    t.jsonb('needs').notNullable().defaultTo('{}');
    // { "<layer key>": <layer version> } of every layer the analysis read, at the time it ran.
    t.jsonb('layer_versions').notNullable().defaultTo('{}');
    // The siting rules applied, as they were: an admin's later change does not rewrite an old report.
    t.jsonb('rules').notNullable().defaultTo('[]');
    t.index(['region_id']);
  });
  await knex.raw(`create index siting_reports_created_at on siting_reports (created_at desc)`);
  await knex.raw(`comment on column siting_reports.number is 'XZ-<year>-<serial>: serial per calendar year, assigned under an advisory lock'`);
}

export async function down(knex: Knex) {
  await knex.raw('drop index if exists siting_reports_created_at');
  await knex.schema.alterTable('siting_reports', (t) => {
    t.dropColumns('title', 'region_id', 'needs', 'layer_versions', 'rules');
  });
}
