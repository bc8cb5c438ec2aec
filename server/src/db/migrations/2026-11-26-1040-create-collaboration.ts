import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.schema.createTable('consultation_rounds', (t) => {
    t.comment('策划生成 rounds: a submission that freezes the site version, attributes and siting report for review.');
    t.increments('id');
    t.integer('project_id').notNullable().references('projects.id').onDelete('cascade');
    t.integer('round_no').notNullable();
    t.integer('site_id').notNullable().references('project_sites.id');
    t.integer('siting_report_id').references('siting_reports.id');
    t.jsonb('attributes_snapshot').notNullable();
    t.string('status', 12).notNullable().defaultTo('open').checkIn(['open', 'passed', 'rejected', 'withdrawn'], 'consultation_rounds_status_check');
    // Set when the site or construction content changed after a pass: the opinions are no longer formal.
    t.timestamp('invalidated_at', { useTz: true });
    t.integer('submitted_by').references('users.id');
    t.timestamp('submitted_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('closed_at', { useTz: true });
    t.unique(['project_id', 'round_no']);
    t.check('round_no >= 1', [], 'consultation_rounds_round_no_check');
  });

  await knex.schema.createTable('consultation_tasks', (t) => {
    t.comment('The review task of one department in a round, with its deadline and returned opinion.');
    t.increments('id');
    t.integer('round_id').notNullable().references('consultation_rounds.id').onDelete('cascade');
    t.integer('department_id').notNullable().references('departments.id');
    // Why the department was assigned (rule key or 'manual').
    t.string('assigned_by', 64).notNullable();
    t.date('deadline').notNullable();
    t.string('verdict', 8).checkIn(['同意', '有条件同意', '不同意'], 'consultation_tasks_verdict_check');
    t.text('opinion');
    t.text('conditions');
    t.jsonb('factor_feedback');
    t.integer('answered_by').references('users.id');
    t.timestamp('answered_at', { useTz: true });
    t.unique(['round_id', 'department_id']);
    t.check('(verdict is null) = (answered_at is null)', [], 'consultation_tasks_answer_check');
  });

  await knex.schema.createTable('problems', (t) => {
    t.comment('Problem list (难点堵点): disagreements and obstacles that go to the joint meeting or are escalated.');
    t.increments('id');
    t.integer('project_id').references('projects.id').onDelete('cascade');
    t.integer('region_id').notNullable().references('regions.id');
    t.string('source', 16).notNullable().checkIn(['consultation', 'service', 'supervision'], 'problems_source_check');
    t.string('title', 128).notNullable();
    t.text('description').notNullable().defaultTo('');
    t.string('status', 12).notNullable().defaultTo('open').checkIn(['open', 'on_agenda', 'resolved', 'rejected'], 'problems_status_check');
    t.boolean('escalated_to_city').notNullable().defaultTo(false);
    t.integer('raised_by').references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('resolved_at', { useTz: true });
  });

  await knex.schema.createTable('joint_meetings', (t) => {
    t.comment('联席会议: convened any time, agenda drawn from the problem list.');
    t.increments('id');
    t.string('title', 128).notNullable();
    t.date('meeting_date').notNullable();
    t.string('status', 12).notNullable().defaultTo('planned').checkIn(['planned', 'held', 'closed'], 'joint_meetings_status_check');
    t.text('minutes').notNullable().defaultTo('');
    t.integer('convened_by').references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('meeting_decisions', (t) => {
    t.comment('Agenda items of a joint meeting and their decisions, assigned to units with deadlines and tracked to done.');
    t.increments('id');
    t.integer('meeting_id').notNullable().references('joint_meetings.id').onDelete('cascade');
    t.integer('problem_id').notNullable().references('problems.id');
    t.string('decision', 24).checkIn(['adopt', 'reject', 'adopt_with_conditions'], 'meeting_decisions_decision_check');
    t.text('decision_text');
    t.integer('responsible_department_id').references('departments.id');
    t.integer('responsible_region_id').references('regions.id');
    t.date('deadline');
    t.timestamp('done_at', { useTz: true });
    t.unique(['meeting_id', 'problem_id']);
  });

  await knex.schema.createTable('calendar_days', (t) => {
    t.comment('Public holidays and 调休 working weekends, for deadlines in working days.');
    t.date('day').primary();
    t.string('kind', 8).notNullable().checkIn(['holiday', 'workday'], 'calendar_days_kind_check');
    t.string('name', 32).notNullable();
  });
}

export async function down(knex: Knex) {
  for (const table of ['calendar_days', 'meeting_decisions', 'joint_meetings', 'problems', 'consultation_tasks', 'consultation_rounds'])
    await knex.schema.dropTable(table);
}
