import type { Knex } from 'knex';

type Db = Knex | Knex.Transaction;

export interface ProjectRow {
  id: number;
  code: string;
  national_code: string | null;
  name: string;
  unit_name: string;
  region_id: number;
  region_code: string;
  region_name: string;
  zone_id: number | null;
  type: '政府投资' | '社会投资' | '招商引资';
  industry_code: string | null;
  industry_name: string | null;
  strategic_emerging: boolean;
  investment_wan: string | null;
  foreign_annual_new_usd_m: string | null;
  foreign_cash_registered_usd_m: string | null;
  funding_sources: string[];
  libraries: string[];
  stage: string;
  planned_start: string | null;
  planned_end: string | null;
  needs: Record<string, number>;
  is_public: boolean;
  green_channel: boolean;
  created_by: number | null;
  is_demo: boolean;
  row_version: number;
  created_at: Date;
  updated_at: Date;
}

const PROJECT_COLUMNS = ['p.*', 'r.code as region_code', 'r.name as region_name'];

export function projectQuery(db: Db) {
  return db('projects as p').join('regions as r', 'r.id', 'p.region_id').select(PROJECT_COLUMNS);
}

export async function findProject(db: Db, id: number, forUpdate = false): Promise<ProjectRow | undefined> {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  const q = projectQuery(db).where('p.id', id).first();
  if (forUpdate) q.forUpdate();
  return q;
}

/** The next project code of a county and year, under the caller's advisory lock: LC-<county>-<year>-<serial>. */
export async function nextProjectCode(trx: Knex.Transaction, countyCode: string, year: number): Promise<string> {
  await trx.raw(`select pg_advisory_xact_lock(hashtext('projects.code'))`);
  const prefix = `LC-${countyCode}-${year}-`;
  const row = await trx('projects').where('code', 'like', `${prefix}%`).max({ code: 'code' }).first();
  const last = row?.code ? Number(String(row.code).slice(prefix.length)) : 0;
  return `${prefix}${String(last + 1).padStart(4, '0')}`;
}

export async function recordStage(trx: Knex.Transaction, h: { projectId: number; from: string | null; to: string; action: string; note?: string; actorId: number | null }) {
  await trx('project_stage_history').insert({ project_id: h.projectId, from_stage: h.from, to_stage: h.to, action: h.action, note: h.note ?? '', actor_id: h.actorId });
}

export async function stageHistory(db: Db, projectId: number) {
  return db('project_stage_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_id')
    .where('h.project_id', projectId)
    .orderBy('h.id')
    .select('h.from_stage', 'h.to_stage', 'h.action', 'h.note', 'h.at', 'u.display_name as actor');
}

export async function setStage(trx: Knex.Transaction, projectId: number, stage: string, extra: Record<string, unknown> = {}) {
  await trx('projects')
    .where({ id: projectId })
    .update({ stage, ...extra, updated_at: trx.fn.now(), row_version: trx.raw('row_version + 1') });
}

/** Bumps the row version of a project whose stage stays (e.g. a new site version before any pass). */
export async function touchProject(trx: Knex.Transaction, projectId: number) {
  await trx('projects').where({ id: projectId }).update({ updated_at: trx.fn.now(), row_version: trx.raw('row_version + 1') });
}

export async function nationalCodeTaken(trx: Knex.Transaction, nationalCode: string): Promise<boolean> {
  return Boolean(await trx('projects').where({ national_code: nationalCode }).first('id'));
}

export async function insertProject(trx: Knex.Transaction, row: Record<string, unknown>): Promise<{ id: number; code: string; stage: string }> {
  const [created] = await trx('projects').insert(row).returning(['id', 'code', 'stage']);
  return created;
}

export async function countyByCode(db: Db, code: string): Promise<{ id: number; code: string; name: string } | undefined> {
  return db('regions').where({ code, level: 'county' }).first('id', 'code', 'name');
}

/** Unit and needs of these projects (what the Excel export adds to the list rows). */
export async function unitAndNeeds(db: Db, ids: number[]): Promise<{ id: number; unit_name: string; needs: Record<string, number> }[]> {
  return db('projects').whereIn('id', ids).select('id', 'unit_name', 'needs');
}
