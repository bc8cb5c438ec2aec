import type { Knex } from 'knex';

type Db = Knex | Knex.Transaction;

/** A meeting with its agenda items (one undecided decision row per problem). */
export async function insertMeeting(trx: Knex.Transaction, m: { title: string; date: string; convenedBy: number; problemIds: number[] }): Promise<{ id: number }> {
  const [meeting] = await trx('joint_meetings').insert({ title: m.title, meeting_date: m.date, convened_by: m.convenedBy }).returning(['id']);
  await trx('meeting_decisions').insert(m.problemIds.map((problem_id) => ({ meeting_id: meeting.id, problem_id })));
  return meeting;
}

export async function recentMeetingIds(db: Db, limit: number): Promise<number[]> {
  return (await db('joint_meetings').orderBy('id', 'desc').limit(limit).pluck('id')) as number[];
}

export async function findMeeting(db: Db, id: number) {
  return db('joint_meetings').where({ id }).first();
}

export async function agenda(db: Db, meetingId: number) {
  return db('meeting_decisions as md').join('problems as pr', 'pr.id', 'md.problem_id').leftJoin('projects as p', 'p.id', 'pr.project_id').leftJoin('departments as d', 'd.id', 'md.responsible_department_id')
    .where('md.meeting_id', meetingId).orderBy('md.id')
    .select('md.problem_id', 'md.decision', 'md.decision_text', 'md.deadline', 'd.code as department', 'pr.title', 'pr.status', 'p.id as project_id', 'p.code as project_code', 'p.name as project_name', 'p.stage');
}

export async function lockAgendaItem(trx: Knex.Transaction, meetingId: number, problemId: number) {
  return trx('meeting_decisions').where({ meeting_id: meetingId, problem_id: problemId }).forUpdate().first();
}

export async function recordDecision(
  trx: Knex.Transaction,
  meetingId: number,
  problemId: number,
  d: { decision: string; text: string; responsibleDepartmentId: number | null; deadline: string | null },
) {
  await trx('meeting_decisions').where({ meeting_id: meetingId, problem_id: problemId }).update({
    decision: d.decision,
    decision_text: d.text,
    responsible_department_id: d.responsibleDepartmentId,
    deadline: d.deadline,
  });
}

export async function undecidedCount(trx: Knex.Transaction, meetingId: number): Promise<number> {
  return Number((await trx('meeting_decisions').where({ meeting_id: meetingId }).whereNull('decision').count({ n: '*' }).first())?.n ?? 0);
}

export async function closeMeeting(trx: Knex.Transaction, id: number) {
  await trx('joint_meetings').where({ id }).update({ status: 'closed' });
}
