import type { Knex } from 'knex';
import { classifyProject, type ProjectAttributes } from '../../../../common/src/project-classification.ts';
import { allowedTransitions, isFinal, isStage, permittedTransition, stageLabel, transitionByAction, transitionProblem, TRANSITIONS, type Stage } from '../../../../common/src/project-lifecycle.ts';
import type { ProjectCreate, ProjectRound, ProjectSiteInput, ProjectSiteVersion, VerdictKey } from '../../../../common/src/projects.ts';
import { m2ToMu } from '../../../../common/src/units.ts';
import { AppError, badRequest, conflict, notFoundOrNoAccess } from '../../http/app-error.ts';
import { assertCan } from '../../policy/access.policy.ts';
import type { Actor } from '../../policy/actor.ts';
import { assertCanCreateProjectIn, assertCanReadProject, assertCanWriteProject, type ProjectScope } from '../../policy/project.policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { SitingAnalysis } from '../../../../common/src/siting.ts';
import type { SitingService } from '../siting/siting.service.ts';
import * as repo from './projects.repository.ts';
import { chinaToday } from '../../../../common/src/working-days.ts';

const VERDICT_KEY: Record<string, VerdictKey> = { 同意: 'agree', 有条件同意: 'conditional', 不同意: 'disagree' };
const num = (v: string | number | null) => (v === null ? null : Number(v));
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
/** Today in China (the shared helper in common/, re-exported for this module's callers). */
export { chinaToday };

export function attributesOf(p: repo.ProjectRow): ProjectAttributes {
  return {
    type: p.type,
    industryCode: p.industry_code,
    strategicEmerging: p.strategic_emerging,
    investmentWan: num(p.investment_wan),
    foreignAnnualNewUsdM: num(p.foreign_annual_new_usd_m),
    foreignCashRegisteredUsdM: num(p.foreign_cash_registered_usd_m),
    fundingSources: p.funding_sources,
  };
}

/** The attributes a round freezes (what the departments reviewed). */
export function snapshotOf(p: repo.ProjectRow) {
  return {
    name: p.name,
    unitName: p.unit_name,
    county: p.region_code,
    ...attributesOf(p),
    industryName: p.industry_name,
    plannedStart: p.planned_start,
    plannedEnd: p.planned_end,
    needs: p.needs,
  };
}

export interface PreparedProject {
  input: ProjectCreate;
  region: { id: number; code: string; name: string };
  analysis: SitingAnalysis;
  classification: ReturnType<typeof classifyProject>;
}

export class ProjectsService {
  constructor(
    private readonly db: Knex,
    private readonly siting: SitingService,
  ) {}

  /** The access facts of a project for the policy. */
  async scope(actor: Actor, p: repo.ProjectRow, db: Knex | Knex.Transaction = this.db): Promise<ProjectScope> {
    return { regionId: p.region_id, isPublic: p.is_public, assignedToDepartment: await repo.departmentAssigned(db, p.id, actor.departmentId) };
  }

  async readable(actor: Actor, id: number): Promise<repo.ProjectRow> {
    const p = await repo.findProject(this.db, id);
    if (!p) throw notFoundOrNoAccess('项目');
    assertCanReadProject(actor, await this.scope(actor, p));
    return p;
  }

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
    const region = await this.db('regions').where({ code: input.county, level: 'county' }).first('id', 'code', 'name');
    if (!region) throw badRequest(`县（市、区）代码 ${input.county} 不是聊城市的县级行政区`, undefined, 'UNKNOWN_COUNTY');
    assertCanCreateProjectIn(actor, region.id);
    const analysis = await this.siting.analyze(actor, input.site.geometry, { landMu: input.needs?.landMu, energyTce: input.needs?.energyTce });
    return { input, region, analysis, classification: classifyProject({ ...input, industryCode: input.industryCode ?? null }) };
  }

  /** Stores a prepared project (numbered LC-<county>-<year>-<serial>) with its site as version 1, in the caller's transaction. */
  async insert(trx: Knex.Transaction, actor: Actor, { input, region, analysis }: PreparedProject, ip: string | null) {
    const year = Number(chinaToday().slice(0, 4));
    if (input.nationalCode && (await trx('projects').where({ national_code: input.nationalCode }).first('id'))) {
      throw conflict(`投资项目统一代码 ${input.nationalCode} 已被其他项目使用`);
    }
    const code = await repo.nextProjectCode(trx, region.code, year);
    const [row] = await trx('projects')
      .insert({
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
      })
      .returning(['id', 'code', 'stage']);
    await repo.insertSite(trx, {
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

  async get(actor: Actor, id: number) {
    const p = await this.readable(actor, id);
    const [sites, rounds, history] = await Promise.all([repo.listSites(this.db, p.id), this.rounds(p.id), repo.stageHistory(this.db, p.id)]);
    const classification = classifyProject(attributesOf(p));
    const passed = rounds.filter((r) => r.status === 'passed').at(-1) ?? null;
    return {
      id: p.id,
      code: p.code,
      nationalCode: p.national_code,
      name: p.name,
      unitName: p.unit_name,
      county: { code: p.region_code, name: p.region_name },
      type: p.type,
      industryCode: p.industry_code,
      industryName: p.industry_name,
      strategicEmerging: p.strategic_emerging,
      investmentWan: num(p.investment_wan),
      foreignAnnualNewUsdM: num(p.foreign_annual_new_usd_m),
      foreignCashRegisteredUsdM: num(p.foreign_cash_registered_usd_m),
      fundingSources: p.funding_sources,
      libraries: p.libraries,
      plannedStart: p.planned_start,
      plannedEnd: p.planned_end,
      needs: p.needs,
      isPublic: p.is_public,
      greenChannel: p.green_channel,
      isDemo: p.is_demo,
      stage: p.stage,
      stageLabel: stageLabel(p.stage as Stage, p.green_channel),
      allowedTransitions: allowedTransitions(p.stage as Stage, [...actor.permissions]).map((t) => ({ to: t.to, action: t.action, label: t.label })),
      rowVersion: p.row_version,
      classification: classification.categories,
      missing: classification.missing,
      sites: sites.map(siteVersion),
      rounds,
      // 正式预审意见: the opinions of the last passed round, unless the site or content changed since.
      formalOpinions: passed ? { round: passed.round, valid: passed.invalidatedAt === null, invalidatedAt: passed.invalidatedAt } : null,
      history: history.map((h) => ({ from: h.from_stage, to: h.to_stage, action: h.action, note: h.note, at: iso(h.at), actor: h.actor })),
    };
  }

  async rounds(projectId: number, db: Knex | Knex.Transaction = this.db): Promise<ProjectRound[]> {
    const rounds = await db('consultation_rounds as c')
      .join('project_sites as s', 's.id', 'c.site_id')
      .leftJoin('siting_reports as sr', 'sr.id', 'c.siting_report_id')
      .where('c.project_id', projectId)
      .orderBy('c.round_no')
      .select('c.*', 's.version as site_version', 'sr.number as report_number');
    const tasks = await db('consultation_tasks as t')
      .join('departments as d', 'd.id', 't.department_id')
      .leftJoin('users as u', 'u.id', 't.answered_by')
      .whereIn('t.round_id', rounds.map((r) => r.id))
      .orderBy('d.code')
      .select('t.*', 'd.code as department_code', 'd.name as department_name', 'u.display_name as answered_by_name');
    const today = chinaToday();
    return rounds.map((r) => ({
      round: r.round_no,
      id: r.id,
      status: r.status,
      siteVersion: r.site_version,
      sitingReport: r.siting_report_id ? { id: r.siting_report_id, number: r.report_number } : null,
      submittedAt: iso(r.submitted_at)!,
      closedAt: iso(r.closed_at),
      invalidatedAt: iso(r.invalidated_at),
      tasks: tasks
        .filter((t) => t.round_id === r.id)
        .map((t) => ({
          id: t.id,
          department: { code: t.department_code, name: t.department_name },
          assignedBy: t.assigned_by,
          dueAt: dateOnly(t.deadline),
          overdue: t.answered_at === null && r.status === 'open' && dateOnly(t.deadline) < today,
          verdict: t.verdict ? VERDICT_KEY[t.verdict]! : null,
          opinion: t.opinion,
          conditions: t.conditions,
          answeredAt: iso(t.answered_at),
          answeredBy: t.answered_by_name ?? null,
        })),
    }));
  }

  /**
   * A new site version (PUT /api/projects/:id/site). Not while a round is under review (the
   * departments review a frozen version). After a pass, the 正式预审意见 lose their validity and the
   * project goes back to 策划生成中 for a new round.
   */
  async changeSite(actor: Actor, id: number, input: ProjectSiteInput, ip: string | null) {
    const analysis = await this.siting.analyze(actor, input.geometry, {});
    return this.db.transaction(async (trx) => {
      const p = await repo.findProject(trx, id, true);
      if (!p) throw notFoundOrNoAccess('项目');
      assertCanWriteProject(actor, await this.scope(actor, p, trx));
      if (isFinal(p.stage as Stage)) throw conflict(`项目已${p.stage}，不能修改选址`, undefined, 'PROJECT_CLOSED');
      // The site is planned up to the reserve; from 要素保障 on, factors and approvals rest on it.
      if (!['谋划', '策划生成中', '储备'].includes(p.stage)) {
        throw conflict(`项目处于“${p.stage}”阶段，选址已进入要素配置或审批，不能再修改；如确需变更请先终止或调出`, undefined, 'INVALID_TRANSITION');
      }
      const open = await trx('consultation_rounds').where({ project_id: p.id, status: 'open' }).first('round_no');
      if (open) throw conflict(`第 ${open.round_no} 轮策划生成审查正在进行，审查期间不能修改选址；请等待各部门反馈后再调整`, undefined, 'ROUND_OPEN');
      const last = await repo.latestSite(trx, p.id);
      const version = (last?.version ?? 0) + 1;
      await repo.insertSite(trx, { projectId: p.id, version, geometry: input.geometry, areaM2: analysis.area.m2, epsg: analysis.area.epsg, source: input.source, note: input.note ?? '', createdBy: actor.id });
      const passed = await trx('consultation_rounds').where({ project_id: p.id, status: 'passed' }).whereNull('invalidated_at').select('id');
      let stage = p.stage;
      if (passed.length > 0) {
        await trx('consultation_rounds').whereIn('id', passed.map((r) => r.id)).update({ invalidated_at: trx.fn.now() });
        if (p.stage !== '策划生成中') {
          const t = transitionByAction(p.stage as Stage, 'change_site');
          if (!t) throw conflict(`项目处于“${p.stage}”阶段，选址已进入要素配置或审批，不能再修改；如确需变更请先终止或调出`, undefined, 'INVALID_TRANSITION');
          await repo.setStage(trx, p.id, '策划生成中', { green_channel: false });
          await repo.recordStage(trx, { projectId: p.id, from: p.stage, to: '策划生成中', action: t.action, note: `选址变更为第 ${version} 版，正式预审意见失效`, actorId: actor.id });
          stage = '策划生成中';
        }
      } else {
        await trx('projects').where({ id: p.id }).update({ updated_at: trx.fn.now(), row_version: trx.raw('row_version + 1') });
      }
      const areaChangeM2 = last ? analysis.area.m2 - Number(last.area_m2) : analysis.area.m2;
      await recordAudit(trx, {
        actorId: actor.id,
        actorUsername: actor.username,
        action: 'project.site.change',
        entityKind: 'project',
        entityId: p.id,
        detail: { version, before: last ? { version: last.version, areaM2: Number(last.area_m2) } : null, after: { areaM2: analysis.area.m2 }, invalidatedRounds: passed.length, stage },
        ip,
      });
      return { version, areaM2: analysis.area.m2, areaMu: analysis.area.mu, areaChangeM2, areaChangeMu: m2ToMu(areaChangeM2), stage, formalOpinionsInvalidated: passed.length > 0, siting: { verdict: analysis.verdict } };
    });
  }

  /** A transition a person makes (POST /api/projects/:id/transitions); automatic ones are the system's. */
  async transition(actor: Actor, id: number, to: string, note: string, ip: string | null) {
    if (!isStage(to)) throw badRequest(`未知的项目阶段“${to}”`, undefined, 'UNKNOWN_STAGE');
    return this.db.transaction(async (trx) => {
      const p = await repo.findProject(trx, id, true);
      if (!p) throw notFoundOrNoAccess('项目');
      const scope = await this.scope(actor, p, trx);
      assertCanReadProject(actor, scope);
      const from = p.stage as Stage;
      const t = permittedTransition(from, to, [...actor.permissions]);
      if (!t) {
        const problem = transitionProblem(from, to, [...actor.permissions]) ?? `项目不能从“${from}”变更为“${to}”`;
        // A move that exists for other roles is a permission problem (403); otherwise the state forbids it (409).
        const existsForOthers = TRANSITIONS.some((x) => x.from === from && x.to === to && !x.auto);
        if (existsForOthers) throw new AppError(403, 'FORBIDDEN', problem, { from, to });
        throw conflict(problem, { from, to }, 'INVALID_TRANSITION');
      }
      assertCanWriteProject(actor, scope, t.permission, t.label);
      if (t.from === '策划生成中' && (await trx('consultation_rounds').where({ project_id: p.id, status: 'open' }).first('id'))) {
        throw conflict('策划生成审查正在进行，请等待本轮结束', undefined, 'ROUND_OPEN');
      }
      await repo.setStage(trx, p.id, to);
      await repo.recordStage(trx, { projectId: p.id, from: p.stage, to, action: t.action, note, actorId: actor.id });
      await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: 'project.transition', entityKind: 'project', entityId: p.id, detail: { from: p.stage, to, action: t.action, note }, ip });
      return { id: p.id, stage: to, stageLabel: stageLabel(to as Stage, p.green_channel) };
    });
  }

  /** A project locked for the caller's transaction (other modules change a project through this service). */
  async lockedInTransaction(trx: Knex.Transaction, id: number): Promise<repo.ProjectRow | undefined> {
    return repo.findProject(trx, id, true);
  }

  /** A stage change another module decided (e.g. allocation), with its history row, in the caller's transaction. */
  async recordStageChange(trx: Knex.Transaction, h: { projectId: number; from: string | null; to: string; action: string; note?: string; actorId: number | null }, extra: Record<string, unknown> = {}) {
    await repo.setStage(trx, h.projectId, h.to, extra);
    await repo.recordStage(trx, h);
  }

  /** A stage history row alone (the stage itself unchanged, e.g. a resubmission or an escalation), in the caller's transaction. */
  async recordStageHistory(trx: Knex.Transaction, h: { projectId: number; from: string | null; to: string; action: string; note?: string; actorId: number | null }) {
    await repo.recordStage(trx, h);
  }

  /** The project's latest site version (what a consultation round freezes). */
  async latestSite(projectId: number, db: Knex | Knex.Transaction = this.db): Promise<repo.SiteRow | undefined> {
    return repo.latestSite(db, projectId);
  }

  /** One site version by id: its number, area and geometry (a review task shows the frozen one). */
  async siteById(siteId: number) {
    return repo.findSite(this.db, siteId);
  }

  /** Unit and needs of listed projects, for the Excel export (the list rows carry neither). */
  async exportDetails(ids: number[]): Promise<Map<number, Record<string, unknown>>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db('projects').whereIn('id', ids).select('id', 'unit_name', 'needs');
    return new Map(rows.map((r) => [r.id, { unitName: r.unit_name, needs: r.needs }]));
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

  /** The projects the actor may see as map features: each one's latest site version, with what the map labels. */
  async features(actor: Actor, f: { stage?: string; county?: string }): Promise<GeoJSON.FeatureCollection> {
    assertCan(actor, 'projects.read', '项目管理');
    const q = this.visible(actor)
      .join('project_sites as s', 's.project_id', 'p.id')
      .whereRaw('s.version = (select max(version) from project_sites s2 where s2.project_id = p.id)')
      .select(this.db.raw('ST_AsGeoJSON(s.geom, 6)::json as geometry'), 's.version as site_version', 's.area_m2');
    if (f.stage) q.where('p.stage', f.stage);
    if (f.county) q.where('r.code', f.county);
    const rows: (repo.ProjectRow & { geometry: GeoJSON.Geometry; site_version: number; area_m2: number })[] = await q.orderBy('p.id');
    return {
      type: 'FeatureCollection',
      features: rows.map((p) => ({
        type: 'Feature',
        id: p.id,
        geometry: p.geometry,
        properties: {
          id: p.id,
          code: p.code,
          name: p.name,
          stage: p.stage,
          stageLabel: stageLabel(p.stage as Stage, p.green_channel),
          type: p.type,
          county: p.region_name,
          investmentWan: num(p.investment_wan),
          siteVersion: p.site_version,
          areaMu: Math.round(m2ToMu(Number(p.area_m2)) * 100) / 100,
          isDemo: p.is_demo,
        },
      })),
    };
  }

  /** The projects an actor may read (the same rule as canReadProject, as a query). */
  private visible(actor: Actor) {
    const q = repo.projectQuery(this.db);
    if (actor.scope === 'county') q.where((w) => w.where('p.region_id', actor.regionId ?? -1).orWhere('p.is_public', true));
    if (actor.scope === 'department') {
      q.where((w) =>
        w.where('p.is_public', true).orWhereExists(
          this.db('consultation_tasks as t').join('consultation_rounds as c', 'c.id', 't.round_id').whereRaw('c.project_id = p.id').where('t.department_id', actor.departmentId ?? -1),
        ),
      );
    }
    return q;
  }

  /** Lists for the lists page: filters by stage, county, type, library, industry and investment. */
  async list(actor: Actor, f: { stage?: string; county?: string; type?: string; library?: string; industry?: string; minInvestment?: number; maxInvestment?: number; q?: string; limit: number; offset: number }) {
    assertCan(actor, 'projects.read', '项目管理');
    const q = this.visible(actor);
    if (f.stage) q.where('p.stage', f.stage);
    if (f.county) q.where('r.code', f.county);
    if (f.type) q.where('p.type', f.type);
    if (f.library) q.whereRaw('? = any(p.libraries)', [f.library]);
    if (f.industry) q.where('p.industry_code', 'like', `${f.industry.toUpperCase()}%`);
    if (f.minInvestment !== undefined) q.where('p.investment_wan', '>=', f.minInvestment);
    if (f.maxInvestment !== undefined) q.where('p.investment_wan', '<=', f.maxInvestment);
    if (f.q) q.where((w) => w.where('p.name', 'like', `%${f.q}%`).orWhere('p.code', 'like', `%${f.q}%`));
    const total = Number((await q.clone().clearSelect().clearOrder().count({ n: '*' }).first())?.n ?? 0);
    const rows: repo.ProjectRow[] = await q.orderBy('p.id').limit(f.limit).offset(f.offset);
    return {
      total,
      items: rows.map((p) => ({
        id: p.id,
        code: p.code,
        name: p.name,
        county: { code: p.region_code, name: p.region_name },
        type: p.type,
        industryCode: p.industry_code,
        investmentWan: num(p.investment_wan),
        stage: p.stage,
        stageLabel: stageLabel(p.stage as Stage, p.green_channel),
        libraries: p.libraries,
        isDemo: p.is_demo,
      })),
    };
  }
}

function dateOnly(d: Date | string): string {
  if (typeof d === 'string') return d.slice(0, 10);
  return chinaToday(d);
}

function siteVersion(s: repo.SiteRow): ProjectSiteVersion {
  const m2 = Number(s.area_m2);
  return { version: s.version, areaM2: m2, areaMu: Math.round(m2ToMu(m2) * 10_000) / 10_000, epsg: s.area_epsg, source: s.source, note: s.note, createdAt: iso(s.created_at)!, geometry: s.geometry };
}
