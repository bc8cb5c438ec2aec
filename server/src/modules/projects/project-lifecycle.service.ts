import type { Knex } from 'knex';
import { isFinal, isStage, permittedTransition, stageLabel, transitionByAction, transitionProblem, TRANSITIONS, type Stage } from '../../../../common/src/project-lifecycle.ts';
import type { ProjectSiteInput } from '../../../../common/src/projects.ts';
import { m2ToMu } from '../../../../common/src/units.ts';
import { AppError, badRequest, conflict, notFoundOrNoAccess } from '../../http/app-error.ts';
import type { Actor } from '../../policy/actor.ts';
import { assertCanReadProject, assertCanWriteProject, type ProjectScope } from '../../policy/project.policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { SitingService } from '../siting/siting.service.ts';
import { invalidatePassedRounds, roundUnderReview } from './project-rounds.repository.ts';
import { insertSite, latestSite } from './project-sites.repository.ts';
import * as repo from './projects.repository.ts';
import { ProjectsErrors } from '../../../../common/src/contract/projects.errors.ts';
import { HttpErrors } from '../../../../common/src/contract/http.errors.ts';

/** The access facts of a project for the policy (ProjectsService.scope). */
export type ScopeOf = (actor: Actor, p: repo.ProjectRow, db: Knex | Knex.Transaction) => Promise<ProjectScope>;

/** What a person changes on a project: a new site version, a lifecycle move. */
export class ProjectLifecycle {
  constructor(
    private readonly db: Knex,
    private readonly siting: SitingService,
    private readonly scope: ScopeOf,
  ) {}

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
      if (isFinal(p.stage as Stage)) throw conflict(`项目已${p.stage}，不能修改选址`, undefined, ProjectsErrors.PROJECT_CLOSED);
      // The site is planned up to the reserve; from 要素保障 on, factors and approvals rest on it.
      if (!['谋划', '策划生成中', '储备'].includes(p.stage)) {
        throw conflict(`项目处于“${p.stage}”阶段，选址已进入要素配置或审批，不能再修改；如确需变更请先终止或调出`, undefined, ProjectsErrors.INVALID_TRANSITION);
      }
      const open = await roundUnderReview(trx, p.id);
      if (open) throw conflict(`第 ${open.round_no} 轮策划生成审查正在进行，审查期间不能修改选址；请等待各部门反馈后再调整`, undefined, ProjectsErrors.ROUND_OPEN);
      const last = await latestSite(trx, p.id);
      const version = (last?.version ?? 0) + 1;
      await insertSite(trx, { projectId: p.id, version, geometry: input.geometry, areaM2: analysis.area.m2, epsg: analysis.area.epsg, source: input.source, note: input.note ?? '', createdBy: actor.id });
      const invalidated = await invalidatePassedRounds(trx, p.id);
      let stage = p.stage;
      if (invalidated > 0) {
        if (p.stage !== '策划生成中') {
          const t = transitionByAction(p.stage as Stage, 'change_site');
          if (!t) throw conflict(`项目处于“${p.stage}”阶段，选址已进入要素配置或审批，不能再修改；如确需变更请先终止或调出`, undefined, ProjectsErrors.INVALID_TRANSITION);
          await repo.setStage(trx, p.id, '策划生成中', { green_channel: false });
          await repo.recordStage(trx, { projectId: p.id, from: p.stage, to: '策划生成中', action: t.action, note: `选址变更为第 ${version} 版，正式预审意见失效`, actorId: actor.id });
          stage = '策划生成中';
        }
      } else {
        await repo.touchProject(trx, p.id);
      }
      const areaChangeM2 = last ? analysis.area.m2 - Number(last.area_m2) : analysis.area.m2;
      await recordAudit(trx, {
        actorId: actor.id,
        actorUsername: actor.username,
        action: 'project.site.change',
        entityKind: 'project',
        entityId: p.id,
        detail: { version, before: last ? { version: last.version, areaM2: Number(last.area_m2) } : null, after: { areaM2: analysis.area.m2 }, invalidatedRounds: invalidated, stage },
        ip,
      });
      return { version, areaM2: analysis.area.m2, areaMu: analysis.area.mu, areaChangeM2, areaChangeMu: m2ToMu(areaChangeM2), stage, formalOpinionsInvalidated: invalidated > 0, siting: { verdict: analysis.verdict } };
    });
  }

  /** A transition a person makes (POST /api/projects/:id/transitions); automatic ones are the system's. */
  async transition(actor: Actor, id: number, to: string, note: string, ip: string | null) {
    if (!isStage(to)) throw badRequest(`未知的项目阶段“${to}”`, undefined, ProjectsErrors.UNKNOWN_STAGE);
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
        if (existsForOthers) throw new AppError(403, HttpErrors.FORBIDDEN, problem, { from, to });
        throw conflict(problem, { from, to }, ProjectsErrors.INVALID_TRANSITION);
      }
      assertCanWriteProject(actor, scope, t.permission, t.label);
      if (t.from === '策划生成中' && (await roundUnderReview(trx, p.id))) {
        throw conflict('策划生成审查正在进行，请等待本轮结束', undefined, ProjectsErrors.ROUND_OPEN);
      }
      await repo.setStage(trx, p.id, to);
      await repo.recordStage(trx, { projectId: p.id, from: p.stage, to, action: t.action, note, actorId: actor.id });
      await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: 'project.transition', entityKind: 'project', entityId: p.id, detail: { from: p.stage, to, action: t.action, note }, ip });
      return { id: p.id, stage: to, stageLabel: stageLabel(to as Stage, p.green_channel) };
    });
  }
}
