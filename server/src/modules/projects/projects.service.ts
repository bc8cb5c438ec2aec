import type { Knex } from 'knex';
import type { ProjectCreate, ProjectRound, ProjectSiteInput } from '../../../../common/src/projects.ts';
import { notFoundOrNoAccess } from '../../http/app-error.ts';
import { assertCan } from '../../policy/access.policy.ts';
import type { Actor } from '../../policy/actor.ts';
import { assertCanReadProject, type ProjectScope } from '../../policy/project.policy.ts';
import type { SitingService } from '../siting/siting.service.ts';
import { ProjectCreation, type PreparedProject } from './project-creation.service.ts';
import { ProjectLifecycle } from './project-lifecycle.service.ts';
import { listProjects, projectFeatures, type ListFilter, type Visibility } from './project-lists.repository.ts';
import { departmentAssigned, roundsOf, tasksOfRounds } from './project-rounds.repository.ts';
import { findSite, latestSite, listSites, type SiteRow } from './project-sites.repository.ts';
import { listItem, projectDetail, projectFeature, roundViews } from './project-views.ts';
import * as repo from './projects.repository.ts';
import { chinaToday } from '../../../../common/src/working-days.ts';

/** Today in China (the shared helper in common/, re-exported for this module's callers). */
export { chinaToday };
export { attributesOf, snapshotOf } from './project-views.ts';
export type { PreparedProject } from './project-creation.service.ts';

/**
 * The projects module's one entry point: access (scope, readable), the reads of the record and the lists,
 * and what other modules change on a project in their own transaction. Creation (project-creation) and
 * the lifecycle moves (project-lifecycle) are delegated.
 */
export class ProjectsService {
  private readonly creation: ProjectCreation;
  private readonly lifecycle: ProjectLifecycle;

  constructor(
    private readonly db: Knex,
    siting: SitingService,
  ) {
    this.creation = new ProjectCreation(db, siting);
    this.lifecycle = new ProjectLifecycle(db, siting, (actor, p, trx) => this.scope(actor, p, trx));
  }

  /** The access facts of a project for the policy. */
  async scope(actor: Actor, p: repo.ProjectRow, db: Knex | Knex.Transaction = this.db): Promise<ProjectScope> {
    return { regionId: p.region_id, isPublic: p.is_public, assignedToDepartment: await departmentAssigned(db, p.id, actor.departmentId) };
  }

  async readable(actor: Actor, id: number): Promise<repo.ProjectRow> {
    const p = await repo.findProject(this.db, id);
    if (!p) throw notFoundOrNoAccess('项目');
    assertCanReadProject(actor, await this.scope(actor, p));
    return p;
  }

  create(actor: Actor, input: ProjectCreate, ip: string | null) {
    return this.creation.create(actor, input, ip);
  }

  prepare(actor: Actor, input: ProjectCreate): Promise<PreparedProject> {
    return this.creation.prepare(actor, input);
  }

  insert(trx: Knex.Transaction, actor: Actor, prepared: PreparedProject, ip: string | null) {
    return this.creation.insert(trx, actor, prepared, ip);
  }

  importRows(actor: Actor, prepared: PreparedProject[], ip: string | null) {
    return this.creation.importRows(actor, prepared, ip);
  }

  /** An import's site cell as WKT (see ProjectCreation.wktSite). */
  wktSite(wkt: string) {
    return this.creation.wktSite(wkt);
  }

  /** An import's site cell as a stock-land parcel code (see ProjectCreation.stockLandSite). */
  stockLandSite(code: string) {
    return this.creation.stockLandSite(code);
  }

  changeSite(actor: Actor, id: number, input: ProjectSiteInput, ip: string | null) {
    return this.lifecycle.changeSite(actor, id, input, ip);
  }

  transition(actor: Actor, id: number, to: string, note: string, ip: string | null) {
    return this.lifecycle.transition(actor, id, to, note, ip);
  }

  async get(actor: Actor, id: number) {
    const p = await this.readable(actor, id);
    const [sites, rounds, history] = await Promise.all([listSites(this.db, p.id), this.rounds(p.id), repo.stageHistory(this.db, p.id)]);
    return projectDetail(actor, p, sites, rounds, history);
  }

  async rounds(projectId: number, db: Knex | Knex.Transaction = this.db): Promise<ProjectRound[]> {
    const rounds = await roundsOf(db, projectId);
    const tasks = await tasksOfRounds(db, rounds.map((r) => r.id));
    return roundViews(rounds, tasks);
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
  async latestSite(projectId: number, db: Knex | Knex.Transaction = this.db): Promise<SiteRow | undefined> {
    return latestSite(db, projectId);
  }

  /** One site version by id: its number, area and geometry (a review task shows the frozen one). */
  async siteById(siteId: number) {
    return findSite(this.db, siteId);
  }

  /** Unit and needs of listed projects, for the Excel export (the list rows carry neither). */
  async exportDetails(ids: number[]): Promise<Map<number, Record<string, unknown>>> {
    if (ids.length === 0) return new Map();
    const rows = await repo.unitAndNeeds(this.db, ids);
    return new Map(rows.map((r) => [r.id, { unitName: r.unit_name, needs: r.needs }]));
  }

  /** The projects the actor may see as map features: each one's latest site version, with what the map labels. */
  async features(actor: Actor, f: { stage?: string; county?: string }): Promise<GeoJSON.FeatureCollection> {
    assertCan(actor, 'projects.read', '项目管理');
    const rows = await projectFeatures(this.db, visibility(actor), f);
    return { type: 'FeatureCollection', features: rows.map(projectFeature) };
  }

  /** Lists for the lists page: filters by stage, county, type, library, industry and investment. */
  async list(actor: Actor, f: ListFilter) {
    assertCan(actor, 'projects.read', '项目管理');
    const { total, rows } = await listProjects(this.db, visibility(actor), f);
    return { total, items: rows.map(listItem) };
  }
}

/** Who reads, for the list queries (the same rule as canReadProject). */
function visibility(actor: Actor): Visibility {
  return { scope: actor.scope, regionId: actor.regionId, departmentId: actor.departmentId };
}
