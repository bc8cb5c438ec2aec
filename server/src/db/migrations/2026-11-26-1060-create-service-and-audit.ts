import type { Knex } from 'knex';
import { makeAppendOnly } from '../migration-helpers.ts';

export async function up(knex: Knex) {
  await knex.schema.createTable('progress_reports', (t) => {
    t.comment('Weekly progress reports by the service commissioner (一周一调度): progress, investment completed, problems.');
    t.increments('id');
    t.integer('project_id').notNullable().references('projects.id').onDelete('cascade');
    // Monday of the reported week.
    t.date('week_start').notNullable();
    t.decimal('investment_completed_wan', 14, 2).notNullable().defaultTo(0);
    t.text('progress').notNullable().defaultTo('');
    t.text('problems').notNullable().defaultTo('');
    t.integer('reported_by').references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['project_id', 'week_start']);
    t.check('investment_completed_wan >= 0', [], 'progress_reports_investment_check');
  });

  await knex.schema.createTable('evaluations', (t) => {
    t.comment('Assessments of departments and counties, satisfaction surveys and tracking evaluations of projects (Art. 25-28).');
    t.increments('id');
    t.string('kind', 16).notNullable().checkIn(['assessment', 'satisfaction', 'tracking'], 'evaluations_kind_check');
    t.string('subject_kind', 12).notNullable().checkIn(['department', 'region', 'project'], 'evaluations_subject_kind_check');
    t.integer('department_id').references('departments.id');
    t.integer('region_id').references('regions.id');
    t.integer('project_id').references('projects.id').onDelete('cascade');
    t.string('period', 16).notNullable();
    // Scores and indicators, e.g. { investmentIntensityWanPerMu, outputPerMu, taxPerMu } for tracking.
    t.jsonb('figures').notNullable().defaultTo('{}');
    t.text('notes').notNullable().defaultTo('');
    t.integer('created_by').references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check(
      `(subject_kind = 'department') = (department_id is not null) and (subject_kind = 'region') = (region_id is not null) and (subject_kind = 'project') = (project_id is not null)`,
      [],
      'evaluations_subject_check',
    );
  });

  await knex.schema.createTable('audit_log', (t) => {
    t.comment('Append-only audit trail of every mutation and login; a trigger refuses UPDATE and DELETE.');
    t.bigIncrements('id');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('actor_id').references('users.id');
    t.string('actor_username', 32);
    t.string('action', 48).notNullable();
    t.string('entity_kind', 32);
    t.string('entity_id', 64);
    t.jsonb('detail').notNullable().defaultTo('{}');
    t.string('ip', 64);
    t.index(['at']);
    t.index(['entity_kind', 'entity_id']);
  });
  await makeAppendOnly(knex, 'audit_log');
}

export async function down(knex: Knex) {
  for (const table of ['audit_log', 'evaluations', 'progress_reports']) await knex.schema.dropTable(table);
}
