import type { Knex } from 'knex';
import { classifyProject } from '../../../../common/src/project-classification.ts';
import type { ProjectCreate } from '../../../../common/src/projects.ts';
import type { SitingAnalysis } from '../../../../common/src/siting.ts';
import { chinaToday } from '../../../../common/src/working-days.ts';
import { badRequest, conflict } from '../../http/app-error.ts';
import type { Actor } from '../../policy/actor.ts';
import { assertCanCreateProjectIn } from '../../policy/project.policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { SitingService } from '../siting/siting.service.ts';
import { insertSite, stockLandParcel, wktPolygon } from './project-sites.repository.ts';
import * as repo from './projects.repository.ts';
import { ProjectsErrors } from '../../../../common/src/contract/projects.errors.ts';

export interface PreparedProject {
  input: ProjectCreate;
  region: { id: number; code: string; name: string };
  analysis: SitingAnalysis;
  classification: ReturnType<typeof classifyProject>;
}

/** New projects: one from the form, or many from an Excel import (all rows or none). */
export class ProjectCreation {
  constructor(
    private readonly db: Knex,
    private readonly siting: SitingService,
  ) {}

  /**
   * A project from a site: the site is validated and measured by the siting analysis (one place for
   * what a valid site is), stored as version 1, and the project numbered LC-<county>-<year>-<serial>.
   */
  async create(actor: Actor, input: ProjectCreate, ip: string | null) {
    const prepared = await this.prepare(actor, input);
    const created = await this.db.transaction((trx) => this.insert(trx, actor, prepared, ip));
    return { ...created, classification: prepared.classification.categories, missing: prepared.classification.missing, siting: { verdict: prepared.analysis.verdict, areaMu: prepared.analysis.area.mu } };
  }

  /**
   * Everything that can refuse a new project before anything is written: the county and the right to
   * create there, the site (validated and measured by the siting analysis: one place for what a valid
   * site is), the classification.
   */
  async prepare(actor: Actor, input: ProjectCreate): Promise<PreparedProject> {
    const region = await repo.countyByCode(this.db, input.county);
    if (!region) throw badRequest(`县（市、区）代码 ${input.county} 不是聊城市的县级行政区`, undefined, ProjectsErrors.UNKNOWN_COUNTY);
    assertCanCreateProjectIn(actor, region.id);
    const analysis = await this.siting.analyze(actor, input.site.geometry, { landMu: input.needs?.landMu, energyTce: input.needs?.energyTce });
    return { input, region, analysis, classification: classifyProject({ ...input, industryCode: input.industryCode ?? null }) };
  }

  /** Stores a prepared project (numbered LC-<county>-<year>-<serial>) with its site as version 1, in the caller's transaction. */
  async insert(trx: Knex.Transaction, actor: Actor, { input, region, analysis }: PreparedProject, ip: string | null) {
    const year = Number(chinaToday().slice(0, 4));
    if (input.nationalCode && (await repo.nationalCodeTaken(trx, input.nationalCode))) {
      throw conflict(`投资项目统一代码 ${input.nationalCode} 已被其他项目使用`);
    }
    const code = await repo.nextProjectCode(trx, region.code, year);
    const row = await repo.insertProject(trx, {
      code,
      national_code: input.nationalCode ?? null,
      name: input.name,
      unit_name: input.unitName,
      region_id: region.id,
      type: input.type,
      industry_code: input.industryCode?.toUpperCase() ?? null,
      industry_name: input.industryName ?? null,
      strategic_emerging: input.strategicEmerging ?? false,
      investment_wan: input.investmentWan ?? null,
      foreign_annual_new_usd_m: input.foreignAnnualNewUsdM ?? null,
      foreign_cash_registered_usd_m: input.foreignCashRegisteredUsdM ?? null,
      funding_sources: input.fundingSources ?? [],
      planned_start: input.plannedStart ?? null,
      planned_end: input.plannedEnd ?? null,
      needs: JSON.stringify(input.needs ?? {}),
      is_public: input.isPublic ?? false,
      stage: '谋划',
      created_by: actor.id,
    });
    await insertSite(trx, {
      projectId: row.id,
      version: 1,
      geometry: input.site.geometry,
      areaM2: analysis.area.m2,
      epsg: analysis.area.epsg,
      source: input.site.source,
      note: input.site.note ?? '',
      createdBy: actor.id,
    });
    await repo.recordStage(trx, { projectId: row.id, from: null, to: '谋划', action: 'create', actorId: actor.id });
    await recordAudit(trx, {
      actorId: actor.id,
      actorUsername: actor.username,
      action: 'project.create',
      entityKind: 'project',
      entityId: row.id,
      detail: { code, name: input.name, county: region.code, siteAreaMu: analysis.area.mu, verdict: analysis.verdict.result },
      ip,
    });
    return { id: row.id as number, code: row.code as string, stage: row.stage as string };
  }

  /** Stores checked import rows in one transaction: all of them or, on any failure, none. */
  async importRows(actor: Actor, prepared: PreparedProject[], ip: string | null) {
    const created = await this.db.transaction(async (trx) => {
      const out: { id: number; code: string; stage: string }[] = [];
      for (const p of prepared) out.push(await this.insert(trx, actor, p, ip));
      await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: 'project.import', entityKind: 'project', detail: { count: out.length, codes: out.map((o) => o.code) }, ip });
      return out;
    });
    return { imported: created.length, projects: created };
  }

  /** An import's site given as WKT in lon/lat: its GeoJSON, or undefined when it is no POLYGON / MULTIPOLYGON. */
  async wktSite(wkt: string): Promise<unknown | undefined> {
    return wktPolygon(this.db, wkt);
  }

  /** An import's site given as a stock-land parcel code: the parcel's geometry, if the code exists. */
  async stockLandSite(code: string): Promise<unknown | undefined> {
    return stockLandParcel(this.db, code);
  }
}
