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

/** Whether a department has a consultation task on the project (any round). */
export async function departmentAssigned(db: Db, projectId: number, departmentId: number | null): Promise<boolean> {
  if (departmentId === null) return false;
  const row = await db('consultation_tasks as t')
    .join('consultation_rounds as c', 'c.id', 't.round_id')
    .where({ 'c.project_id': projectId, 't.department_id': departmentId })
    .first('t.id');
  return Boolean(row);
}

/** The next project code of a county and year, under the caller's advisory lock: LC-<county>-<year>-<serial>. */
export async function nextProjectCode(trx: Knex.Transaction, countyCode: string, year: number): Promise<string> {
  await trx.raw(`select pg_advisory_xact_lock(hashtext('projects.code'))`);
  const prefix = `LC-${countyCode}-${year}-`;
  const row = await trx('projects').where('code', 'like', `${prefix}%`).max({ code: 'code' }).first();
  const last = row?.code ? Number(String(row.code).slice(prefix.length)) : 0;
  return `${prefix}${String(last + 1).padStart(4, '0')}`;
}

export async function insertSite(
  trx: Knex.Transaction,
  s: { projectId: number; version: number; geometry: unknown; areaM2: number; epsg: number; source: string; note: string; createdBy: number },
): Promise<number> {
  const r = await trx.raw(
    `insert into project_sites (project_id, version, geom, area_m2, area_epsg, source, note, created_by)
     values (:projectId::int, :version::int, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(:geometry::text), 4326)), :areaM2::float8, :epsg::int, :source::text, :note::text, :createdBy::int)
     returning id`,
    { ...s, geometry: JSON.stringify(s.geometry) },
  );
  return r.rows[0].id;
}

export interface SiteRow {
  id: number;
  version: number;
  area_m2: string;
  area_epsg: number;
  source: string;
  note: string;
  created_at: Date;
  geometry: GeoJSON.MultiPolygon;
}

export async function listSites(db: Db, projectId: number): Promise<SiteRow[]> {
  return db('project_sites')
    .where({ project_id: projectId })
    .orderBy('version')
    .select('id', 'version', 'area_m2', 'area_epsg', 'source', 'note', 'created_at', db.raw('ST_AsGeoJSON(geom, 7)::json as geometry'));
}

export async function latestSite(db: Db, projectId: number): Promise<SiteRow | undefined> {
  return db('project_sites')
    .where({ project_id: projectId })
    .orderBy('version', 'desc')
    .first('id', 'version', 'area_m2', 'area_epsg', 'source', 'note', 'created_at', db.raw('ST_AsGeoJSON(geom, 7)::json as geometry'));
}

export async function findSite(db: Db, id: number): Promise<{ version: number; area_m2: string; geometry: GeoJSON.MultiPolygon }> {
  return db('project_sites').where({ id }).first('version', 'area_m2', db.raw('ST_AsGeoJSON(geom, 7)::json as geometry'));
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
