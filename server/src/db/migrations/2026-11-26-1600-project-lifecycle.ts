import type { Knex } from 'knex';
import { makeAppendOnly } from '../migration-helpers.ts';

/** The lifecycle of issue 5 (common/src/project-lifecycle.ts): 谋划 → 策划生成中 → 储备 → 要素保障 → 审批 → 在建 → 竣工 → 投产 → 达效, exits 终止 and 调出. */
const STAGES = ['谋划', '策划生成中', '储备', '要素保障', '审批', '在建', '竣工', '投产', '达效', '终止', '调出'];

export async function up(knex: Knex) {
  await knex.raw('alter table projects drop constraint projects_stage_check');
  // The first schema named two stages differently.
  await knex.raw(`update projects set stage = case stage when '策划生成' then '策划生成中' when '建设' then '在建' else stage end`);
  await knex.raw(`alter table projects add constraint projects_stage_check check (stage in (${STAGES.map((s) => `'${s}'`).join(', ')}))`);
  await knex.schema.alterTable('projects', (t) => {
    // Bumped by every write: a client sends the version it read, a stale write is refused (409).
    t.integer('row_version').notNullable().defaultTo(1);
  });

  await knex.schema.createTable('project_stage_history', (t) => {
    t.comment('The lifecycle timeline of a project: every transition, who made it and why; append-only.');
    t.bigIncrements('id');
    t.integer('project_id').notNullable().references('projects.id').onDelete('cascade');
    t.string('from_stage', 8);
    t.string('to_stage', 8).notNullable();
    t.string('action', 32).notNullable();
    t.text('note').notNullable().defaultTo('');
    t.integer('actor_id').references('users.id');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['project_id', 'at']);
  });
  await makeAppendOnly(knex, 'project_stage_history');

  await knex.schema.alterTable('consultation_tasks', (t) => {
    // A task's draft opinion, pre-filled from the findings of the department's layers.
    t.text('draft_opinion').notNullable().defaultTo('');
  });

  await knex.schema.createTable('notifications', (t) => {
    t.comment('In-app notifications: new task, deadline near, round result; to a user or to a whole department.');
    t.bigIncrements('id');
    t.integer('user_id').references('users.id').onDelete('cascade');
    t.integer('department_id').references('departments.id');
    t.string('kind', 24).notNullable();
    t.string('title', 200).notNullable();
    t.string('link', 200).notNullable().defaultTo('');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('read_at', { useTz: true });
    t.check('(user_id is null) <> (department_id is null)', [], 'notifications_target_check');
    t.index(['user_id', 'created_at']);
    t.index(['department_id', 'created_at']);
  });
}

export async function down(knex: Knex) {
  await knex.schema.dropTable('notifications');
  await knex.schema.alterTable('consultation_tasks', (t) => t.dropColumn('draft_opinion'));
  await knex.schema.dropTable('project_stage_history');
  await knex.schema.alterTable('projects', (t) => t.dropColumn('row_version'));
  await knex.raw('alter table projects drop constraint projects_stage_check');
  await knex.raw(`update projects set stage = case stage when '策划生成中' then '策划生成' when '在建' then '建设' else stage end`);
}
