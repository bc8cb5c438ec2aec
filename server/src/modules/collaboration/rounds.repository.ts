import type { Knex } from 'knex';

type Db = Knex | Knex.Transaction;

/** The project's round under review, if any. */
export async function openRound(db: Db, projectId: number): Promise<{ round_no: number } | undefined> {
  return db('consultation_rounds').where({ project_id: projectId, status: 'open' }).first('round_no');
}

/** A still valid passed round on this site version. */
export async function passedRoundOnSite(db: Db, projectId: number, siteId: number): Promise<{ id: number } | undefined> {
  return db('consultation_rounds').where({ project_id: projectId, site_id: siteId, status: 'passed' }).whereNull('invalidated_at').first('id');
}

export async function nextRoundNo(db: Db, projectId: number): Promise<number> {
  return Number((await db('consultation_rounds').where({ project_id: projectId }).max({ n: 'round_no' }).first())?.n ?? 0) + 1;
}

export async function insertRound(
  trx: Knex.Transaction,
  r: { projectId: number; roundNo: number; siteId: number; sitingReportId: number; attributesSnapshot: unknown; submittedBy: number },
): Promise<{ id: number }> {
  const [round] = await trx('consultation_rounds')
    .insert({ project_id: r.projectId, round_no: r.roundNo, site_id: r.siteId, siting_report_id: r.sitingReportId, attributes_snapshot: JSON.stringify(r.attributesSnapshot), submitted_by: r.submittedBy })
    .returning(['id']);
  return round;
}

/** The round row, locked for the caller's transaction (answers to one round queue on it). */
export async function lockRound(trx: Knex.Transaction, id: number) {
  return trx('consultation_rounds').where({ id }).forUpdate().first();
}

export async function closeRound(trx: Knex.Transaction, id: number, status: string) {
  await trx('consultation_rounds').where({ id }).update({ status, closed_at: trx.fn.now() });
}

/** The project's latest round (number and status). */
export async function lastRound(db: Db, projectId: number): Promise<{ round_no: number; status: string } | undefined> {
  return db('consultation_rounds').where({ project_id: projectId }).orderBy('round_no', 'desc').first('round_no', 'status');
}
