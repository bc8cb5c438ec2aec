import type { Knex } from 'knex';
import { sqlFile } from '../../../db/sql-file.ts';

export interface ReportRow {
  id: number;
  number: string;
  title: string;
  region_id: number | null;
  project_site_id: number | null;
  geometry: GeoJSON.MultiPolygon;
  needs: Record<string, unknown>;
  analysis: unknown;
  layer_versions: Record<string, number>;
  rules: unknown[];
  created_by: number | null;
  created_at: Date;
  username: string | null;
  display_name: string | null;
}

export interface NewReport {
  title: string;
  regionId: number | null;
  projectSiteId: number | null;
  geometry: GeoJSON.Geometry;
  needs: unknown;
  analysis: unknown;
  layerVersions: Record<string, number>;
  rules: unknown;
  createdBy: number;
}

/** Any constant identifies the numbering lock; hashtext keeps it readable. */
const NUMBERING_LOCK = `select pg_advisory_xact_lock(hashtext('siting_reports.number'))`;

export async function insertReport(trx: Knex.Transaction, r: NewReport): Promise<{ id: number; number: string }> {
  await trx.raw(NUMBERING_LOCK);
  const res = await trx.raw(sqlFile(import.meta.url, 'insert-report.sql'), {
    title: r.title,
    regionId: r.regionId,
    projectSiteId: r.projectSiteId,
    geometry: JSON.stringify(r.geometry),
    needs: JSON.stringify(r.needs ?? {}),
    analysis: JSON.stringify(r.analysis),
    layerVersions: JSON.stringify(r.layerVersions),
    rules: JSON.stringify(r.rules),
    createdBy: r.createdBy,
  });
  return res.rows[0];
}

const REPORT_COLUMNS = `r.id, r.number, r.title, r.region_id, r.project_site_id, ST_AsGeoJSON(r.geom, 8)::json as geometry,
  r.needs, r.analysis, r.layer_versions, r.rules, r.created_by, r.created_at, u.username, u.display_name`;

export async function findReport(db: Knex, where: { id: number } | { number: string }): Promise<ReportRow | undefined> {
  const [column, value] = 'id' in where ? ['r.id', where.id] : ['r.number', where.number];
  const res = await db.raw(`select ${REPORT_COLUMNS} from siting_reports r left join users u on u.id = r.created_by where ${column} = ?`, [value]);
  return res.rows[0];
}

export interface ReportListFilter {
  /** Null = every region (city scope); otherwise only these regions' reports, plus the caller's own. */
  regionId: number | null;
  createdBy: number;
  limit: number;
}

export async function listReports(db: Knex, f: ReportListFilter): Promise<ReportRow[]> {
  const q = db('siting_reports as r')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select(db.raw(REPORT_COLUMNS))
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(f.limit);
  if (f.regionId !== null) q.where((w) => w.where('r.region_id', f.regionId).orWhere('r.created_by', f.createdBy));
  return q;
}

export async function layerVersions(db: Knex): Promise<Record<string, number>> {
  const rows: { key: string; version: number }[] = await db('layers').select('key', 'version').orderBy('key');
  return Object.fromEntries(rows.map((r) => [r.key, r.version]));
}

export async function regionIdByCode(db: Knex, code: string): Promise<number | null> {
  const row = await db('regions').where({ code }).first('id');
  return row?.id ?? null;
}

export interface Frame {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
}

export interface SiteGk extends Frame {
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
  lon: number;
  lat: number;
}

export async function siteInGk(db: Knex, site: GeoJSON.Geometry, epsg: number): Promise<SiteGk> {
  const res = await db.raw(sqlFile(import.meta.url, 'site-gk.sql'), { site: JSON.stringify(site), epsg });
  return res.rows[0];
}

export interface MapFeatureRow {
  layer_id: number;
  id: number;
  conflict: boolean;
  geometry: GeoJSON.Geometry;
}

export async function mapFeatures(
  db: Knex,
  q: { frame: Frame; epsg: number; tolerance: number; layerIds: number[]; conflictIds: number[]; limit: number },
): Promise<MapFeatureRow[]> {
  if (q.layerIds.length === 0) return [];
  const res = await db.raw(sqlFile(import.meta.url, 'map-features.sql'), {
    ...q.frame,
    epsg: q.epsg,
    tolerance: q.tolerance,
    layerIds: `{${q.layerIds.join(',')}}`,
    conflictIds: `{${q.conflictIds.join(',')}}`,
    limit: q.limit,
  });
  return res.rows;
}

export async function boundaries(db: Knex, frame: Frame, epsg: number, tolerance: number): Promise<{ code: string; name: string; geometry: GeoJSON.Geometry }[]> {
  const res = await db.raw(sqlFile(import.meta.url, 'boundaries.sql'), { ...frame, epsg, tolerance });
  return res.rows;
}

export async function highlight(db: Knex, site: GeoJSON.Geometry, epsg: number, featureIds: number[], measure: 'inside' | 'outside'): Promise<GeoJSON.Geometry | null> {
  const res = await db.raw(sqlFile(import.meta.url, 'highlights.sql'), {
    site: JSON.stringify(site),
    epsg,
    featureIds: `{${featureIds.join(',')}}`,
    measure,
  });
  return res.rows[0]?.geometry ?? null;
}

/** Whether a department has a review task in a round that froze this report (it may then read the report). */
export async function reviewedByDepartment(db: Knex, reportId: number, departmentId: number): Promise<boolean> {
  const row = await db('consultation_rounds as c').join('consultation_tasks as t', 't.round_id', 'c.id').where({ 'c.siting_report_id': reportId, 't.department_id': departmentId }).first('t.id');
  return Boolean(row);
}
