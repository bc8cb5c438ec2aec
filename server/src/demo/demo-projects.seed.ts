import type { Knex } from 'knex';
import { readDemoFile } from './demo-files.ts';

interface DemoProject {
  name: string;
  county: string;
  zone: string | null;
  type: string;
  industryCode: string;
  industryName: string;
  strategicEmerging: boolean;
  investmentWan: number;
  foreignInvestment: { annualNewUsdM: number; cashRegisteredCapitalUsdM: number } | null;
  fundingSources: string[];
  libraries: string[];
  stage: string;
  plannedStart: string;
  plannedEnd: string;
  needs: Record<string, number>;
  unit: string;
  site: GeoJSON.Polygon | GeoJSON.MultiPolygon;
}

const LEGACY_STAGE: Record<string, string> = { 策划生成: '策划生成中', 建设: '在建' };

/** Official area: planar, in the CGCS2000 3-degree GK zone of the site's centroid (zone 38 west of 115.5°E). */
export const GK_ZONE_EPSG_SQL = `case when ST_X(ST_Centroid(g)) < 115.5 then 4526 else 4527 end`;

export async function seedDemoProjects(trx: Knex.Transaction): Promise<number> {
  const projects = readDemoFile<DemoProject[]>('projects.json');
  const regions = new Map<string, number>((await trx('regions').select('code', 'id')).map((r) => [r.code, r.id]));
  const commissioner = await trx('users').where({ username: 'commissioner' }).first('id', 'region_id');
  const planner = await trx('users').where({ username: 'planner' }).first('id');
  const serials = new Map<string, number>();
  for (const p of projects) {
    const regionId = regions.get(p.county);
    if (!regionId) throw new Error(`演示项目 ${p.name} 的县代码 ${p.county} 未知`);
    const serial = (serials.get(p.county) ?? 0) + 1;
    serials.set(p.county, serial);
    const [project] = await trx('projects')
      .insert({
        code: `LC-${p.county}-2026-${String(serial).padStart(4, '0')}`,
        name: p.name,
        unit_name: p.unit,
        region_id: regionId,
        zone_id: p.zone ? (regions.get(p.zone) ?? null) : null,
        type: p.type,
        industry_code: p.industryCode,
        industry_name: p.industryName,
        strategic_emerging: p.strategicEmerging,
        investment_wan: p.investmentWan,
        foreign_annual_new_usd_m: p.foreignInvestment?.annualNewUsdM ?? null,
        foreign_cash_registered_usd_m: p.foreignInvestment?.cashRegisteredCapitalUsdM ?? null,
        funding_sources: p.fundingSources,
        libraries: p.libraries,
        // The demo file predates the issue-5 lifecycle names.
        stage: LEGACY_STAGE[p.stage] ?? p.stage,
        planned_start: p.plannedStart,
        planned_end: p.plannedEnd,
        needs: JSON.stringify(p.needs),
        commissioner_id: regionId === commissioner?.region_id ? commissioner.id : null,
        created_by: planner?.id ?? null,
        is_demo: true,
      })
      .returning('id');
    await trx.raw(
      `insert into project_sites (project_id, version, geom, area_m2, area_epsg, source, created_by)
       select :projectId, 1, g, ST_Area(ST_Transform(g, ${GK_ZONE_EPSG_SQL})), ${GK_ZONE_EPSG_SQL}, 'demo', :createdBy
       from (select ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(:site), 4326)) as g) s`,
      { projectId: project.id, createdBy: planner?.id ?? null, site: JSON.stringify(p.site) },
    );
  }
  return projects.length;
}
