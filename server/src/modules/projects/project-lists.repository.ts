import type { Knex } from 'knex';
import { projectQuery, type ProjectRow } from './projects.repository.ts';

/** Who reads: the same rule as canReadProject, as a query. */
export interface Visibility {
  scope: string;
  regionId: number | null;
  departmentId: number | null;
}

/** The lists page's filters (as the route parses them), and the page. */
export type ListFilter = { stage?: string; county?: string; type?: string; library?: string; industry?: string; minInvestment?: number; maxInvestment?: number; q?: string; limit: number; offset: number };

/** The projects a reader may see. */
function visible(db: Knex, v: Visibility) {
  const q = projectQuery(db);
  if (v.scope === 'county') q.where((w) => w.where('p.region_id', v.regionId ?? -1).orWhere('p.is_public', true));
  if (v.scope === 'department') {
    q.where((w) =>
      w.where('p.is_public', true).orWhereExists(
        db('consultation_tasks as t').join('consultation_rounds as c', 'c.id', 't.round_id').whereRaw('c.project_id = p.id').where('t.department_id', v.departmentId ?? -1),
      ),
    );
  }
  return q;
}

/** Each visible project with its latest site version (geometry, version, area), by id. */
export async function projectFeatures(db: Knex, v: Visibility, f: { stage?: string; county?: string }) {
  const q = visible(db, v)
    .join('project_sites as s', 's.project_id', 'p.id')
    .whereRaw('s.version = (select max(version) from project_sites s2 where s2.project_id = p.id)')
    .select(db.raw('ST_AsGeoJSON(s.geom, 6)::json as geometry'), 's.version as site_version', 's.area_m2');
  if (f.stage) q.where('p.stage', f.stage);
  if (f.county) q.where('r.code', f.county);
  const rows: (ProjectRow & { geometry: GeoJSON.Geometry; site_version: number; area_m2: number })[] = await q.orderBy('p.id');
  return rows;
}

/** One page of the visible projects matching the filter, and how many match. */
export async function listProjects(db: Knex, v: Visibility, f: ListFilter): Promise<{ total: number; rows: ProjectRow[] }> {
  const q = visible(db, v);
  if (f.stage) q.where('p.stage', f.stage);
  if (f.county) q.where('r.code', f.county);
  if (f.type) q.where('p.type', f.type);
  if (f.library) q.whereRaw('? = any(p.libraries)', [f.library]);
  if (f.industry) q.where('p.industry_code', 'like', `${f.industry.toUpperCase()}%`);
  if (f.minInvestment !== undefined) q.where('p.investment_wan', '>=', f.minInvestment);
  if (f.maxInvestment !== undefined) q.where('p.investment_wan', '<=', f.maxInvestment);
  if (f.q) q.where((w) => w.where('p.name', 'like', `%${f.q}%`).orWhere('p.code', 'like', `%${f.q}%`));
  const total = Number((await q.clone().clearSelect().clearOrder().count({ n: '*' }).first())?.n ?? 0);
  const rows: ProjectRow[] = await q.orderBy('p.id').limit(f.limit).offset(f.offset);
  return { total, rows };
}
