import type { Knex } from 'knex';
import { refuseTruncate } from '../migration-helpers.ts';

/** The append-only tables made before makeAppendOnly refused TRUNCATE as well (issue 11, item 14). */
const APPEND_ONLY = ['audit_log', 'factor_movements', 'project_stage_history'];

export async function up(knex: Knex) {
  for (const table of APPEND_ONLY) await refuseTruncate(knex, table);
}

export async function down(knex: Knex) {
  for (const table of APPEND_ONLY) await knex.raw('drop trigger if exists ?? on ??', [`${table}_no_truncate`, table]);
}
