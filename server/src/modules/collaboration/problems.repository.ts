import type { Knex } from 'knex';

type Db = Knex | Knex.Transaction;

/** Whether the project has a problem waiting for (or on the agenda of) a joint meeting. */
export async function hasPendingProblem(db: Db, projectId: number): Promise<boolean> {
  return Boolean(await db('problems').where({ project_id: projectId }).whereIn('status', ['open', 'on_agenda']).first('id'));
}

export async function insertProblem(
  trx: Knex.Transaction,
  p: { projectId: number; regionId: number; source: string; title: string; description: string; raisedBy: number },
): Promise<{ id: number; status: string }> {
  const [problem] = await trx('problems')
    .insert({ project_id: p.projectId, region_id: p.regionId, source: p.source, title: p.title, description: p.description, raised_by: p.raisedBy })
    .returning(['id', 'status']);
  return problem;
}

/** The problem list; regionId null: every county's, false: none. */
export async function listProblems(db: Db, f: { regionId: number | null | false; status?: string }) {
  const q = db('problems as pr').leftJoin('projects as p', 'p.id', 'pr.project_id').join('regions as r', 'r.id', 'pr.region_id')
    .select('pr.id', 'pr.title', 'pr.description', 'pr.status', 'pr.created_at', 'pr.project_id', 'p.code as project_code', 'p.name as project_name', 'r.name as county')
    .orderBy('pr.id');
  if (f.regionId === false) q.whereRaw('false');
  else if (f.regionId !== null) q.where('pr.region_id', f.regionId);
  if (f.status) q.where('pr.status', f.status);
  return q;
}

export async function lockProblems(trx: Knex.Transaction, ids: number[]): Promise<{ id: number; status: string }[]> {
  return trx('problems').whereIn('id', ids).forUpdate().select('id', 'status');
}

export async function setProblemsStatus(trx: Knex.Transaction, ids: number[], status: string) {
  await trx('problems').whereIn('id', ids).update({ status });
}

export async function resolveProblem(trx: Knex.Transaction, id: number, status: string) {
  await trx('problems').where({ id }).update({ status, resolved_at: trx.fn.now() });
}

export async function problemProject(db: Db, id: number): Promise<{ project_id: number | null }> {
  return db('problems').where({ id }).first('project_id');
}
