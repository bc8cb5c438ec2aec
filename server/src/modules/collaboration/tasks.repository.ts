import type { Knex } from 'knex';

type Db = Knex | Knex.Transaction;

export async function insertTask(
  trx: Knex.Transaction,
  t: { roundId: number; departmentId: number; assignedBy: string; deadline: string; draftOpinion: unknown },
): Promise<{ id: number }> {
  const [task] = await trx('consultation_tasks')
    .insert({ round_id: t.roundId, department_id: t.departmentId, assigned_by: t.assignedBy, deadline: t.deadline, draft_opinion: t.draftOpinion })
    .returning(['id']);
  return task;
}

/** A task with its round, project, county, department and answerer (the list and detail rows). */
function taskQuery(db: Db) {
  return db('consultation_tasks as t')
    .join('consultation_rounds as c', 'c.id', 't.round_id')
    .join('projects as p', 'p.id', 'c.project_id')
    .join('regions as r', 'r.id', 'p.region_id')
    .join('departments as d', 'd.id', 't.department_id')
    .leftJoin('users as u', 'u.id', 't.answered_by')
    .select(
      't.*',
      'c.round_no',
      'c.status as round_status',
      'c.site_id',
      'c.siting_report_id',
      'c.attributes_snapshot',
      'c.project_id',
      'p.code as project_code',
      'p.name as project_name',
      'r.name as county_name',
      'd.code as department_code',
      'd.name as department_name',
      'u.display_name as answered_by_name',
    );
}

export async function listTasks(db: Db, f: { departmentId?: number; status?: 'open' | 'answered'; overdue?: boolean; today: string }) {
  const q = taskQuery(db);
  if (f.departmentId !== undefined) q.where('t.department_id', f.departmentId);
  if (f.status === 'open') q.whereNull('t.answered_at').where('c.status', 'open');
  if (f.status === 'answered') q.whereNotNull('t.answered_at');
  if (f.overdue) q.whereNull('t.answered_at').where('c.status', 'open').where('t.deadline', '<', f.today);
  return q.orderBy([{ column: 't.deadline' }, { column: 't.id' }]).limit(500);
}

export async function findTask(db: Db, id: number) {
  return taskQuery(db).where('t.id', id).first();
}

/** The round and department of a task (what an answer checks before it locks the round). */
export async function taskOwner(trx: Knex.Transaction, id: number): Promise<{ round_id: number; department_id: number } | undefined> {
  return trx('consultation_tasks').where({ id }).first('round_id', 'department_id');
}

/** Stores an opinion unless the task is already answered; the number of rows updated (0 or 1). */
export async function answerTask(
  trx: Knex.Transaction,
  id: number,
  a: { verdict: string; opinion: string; conditions: string | null; factorFeedback: unknown; answeredBy: number },
): Promise<number> {
  return trx('consultation_tasks')
    .where({ id })
    .whereNull('answered_at')
    .update({
      verdict: a.verdict,
      opinion: a.opinion,
      conditions: a.conditions,
      factor_feedback: a.factorFeedback ? JSON.stringify(a.factorFeedback) : null,
      answered_by: a.answeredBy,
      answered_at: trx.fn.now(),
    });
}

export async function unansweredCount(trx: Knex.Transaction, roundId: number): Promise<number> {
  return Number((await trx('consultation_tasks').where({ round_id: roundId }).whereNull('answered_at').count({ n: '*' }).first())?.n ?? 0);
}

export async function roundVerdicts(trx: Knex.Transaction, roundId: number): Promise<string[]> {
  return (await trx('consultation_tasks').where({ round_id: roundId }).pluck('verdict')) as string[];
}
