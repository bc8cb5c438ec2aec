import type { Knex } from 'knex';

type Db = Knex | Knex.Transaction;

/**
 * What the project record reads and changes of its consultation rounds (the rounds themselves are
 * written by collaboration/, which depends on this module: reading them here avoids a cycle).
 */

/** Whether a department has a consultation task on the project (any round). */
export async function departmentAssigned(db: Db, projectId: number, departmentId: number | null): Promise<boolean> {
  if (departmentId === null) return false;
  const row = await db('consultation_tasks as t')
    .join('consultation_rounds as c', 'c.id', 't.round_id')
    .where({ 'c.project_id': projectId, 't.department_id': departmentId })
    .first('t.id');
  return Boolean(row);
}

/** The project's rounds, oldest first, with the site version and the report number each froze. */
export async function roundsOf(db: Db, projectId: number) {
  return db('consultation_rounds as c')
    .join('project_sites as s', 's.id', 'c.site_id')
    .leftJoin('siting_reports as sr', 'sr.id', 'c.siting_report_id')
    .where('c.project_id', projectId)
    .orderBy('c.round_no')
    .select('c.*', 's.version as site_version', 'sr.number as report_number');
}

/** The tasks of these rounds with their department and answerer, by department code. */
export async function tasksOfRounds(db: Db, roundIds: number[]) {
  return db('consultation_tasks as t')
    .join('departments as d', 'd.id', 't.department_id')
    .leftJoin('users as u', 'u.id', 't.answered_by')
    .whereIn('t.round_id', roundIds)
    .orderBy('d.code')
    .select('t.*', 'd.code as department_code', 'd.name as department_name', 'u.display_name as answered_by_name');
}

/** The project's round under review, if any. */
export async function roundUnderReview(db: Db, projectId: number): Promise<{ round_no: number } | undefined> {
  return db('consultation_rounds').where({ project_id: projectId, status: 'open' }).first('round_no');
}

/** Marks the project's still valid passed rounds invalid (the site changed); how many there were. */
export async function invalidatePassedRounds(trx: Knex.Transaction, projectId: number): Promise<number> {
  const passed = await trx('consultation_rounds').where({ project_id: projectId, status: 'passed' }).whereNull('invalidated_at').select('id');
  if (passed.length > 0) await trx('consultation_rounds').whereIn('id', passed.map((r) => r.id)).update({ invalidated_at: trx.fn.now() });
  return passed.length;
}
