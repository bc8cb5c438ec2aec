import type { Knex } from 'knex';
import type { z } from 'zod';
import { FactorsErrors } from '../../../../common/src/contract/factors.errors.ts';
import type { PlanItem, recallSchema } from '../../../../common/src/contract/factors.contract.ts';
import { FACTORS, roundAmount, type FactorKey } from '../../../../common/src/factors.ts';
import { permittedTransition, transitionByAction, type Stage } from '../../../../common/src/project-lifecycle.ts';
import { addWorkingDays } from '../../../../common/src/working-days.ts';
import { conflict, notFoundOrNoAccess } from '../../http/app-error.ts';
import { assertCan } from '../../policy/access.policy.ts';
import type { Actor } from '../../policy/actor.ts';
import { assertCanWriteProject } from '../../policy/project.policy.ts';
import { NEEDS, projectNeed } from '../../../../common/src/needs.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { NotificationsService } from '../collaboration/notifications.service.ts';
import type { ProjectsService } from '../projects/projects.service.ts';
import { allocatedNet, allocationSources, calendarDays, findPlan, insertPlan, lockPlanStatus, markApproved, poolBalances, projectBalances } from './allocation.repository.ts';
import { chinaToday, type FactorsService } from './factors.service.ts';

/** The needs a plan answers: every factor's but funds, which are kept per funding source and planned by the finance side. */
const PLANNED = NEEDS.filter((n) => n.factor !== 'funds');

/** Working days a gap's solution is given (办法第十五条: 限时解决). */
const GAP_WORKING_DAYS = 20;

/**
 * Allocation (要素配置, Art. 14-20, 29). A plan per project: for each need, the county's account first,
 * then the city pool; what neither holds is a gap with a proposed solution (调剂 from the county holding
 * most, else 拆借, 预支 for land, 挖潜 for pollutants) and a time limit. Approving posts the 分配
 * movements through the ledger (same locking and invariants as every movement) in one transaction with
 * the plan's status, the stage and the audit record; a fully allocated project gets the green-channel
 * flag and moves to 审批(绿色通道). The database refuses any 分配 beyond a project's demand.
 */
export class AllocationService {
  constructor(
    private readonly db: Knex,
    private readonly ledger: FactorsService,
    private readonly projects: ProjectsService,
    private readonly notifications: NotificationsService,
  ) {}

  async plan(actor: Actor, projectId: number, ip: string | null) {
    const project = await this.projects.readable(actor, projectId);
    assertCanWriteProject(actor, await this.projects.scope(actor, project), 'factors.manage', '制定要素配置方案');
    if (project.stage !== '储备' && project.stage !== '要素保障') throw conflict(`只有储备或要素保障阶段的项目才能制定要素配置方案（当前：${project.stage}）`, undefined, FactorsErrors.INVALID_STAGE);
    const year = Number(chinaToday().slice(0, 4));
    const deadline = addWorkingDays(chinaToday(), GAP_WORKING_DAYS, await calendarDays(this.db));
    const allocated = await allocatedNet(this.db, project.id);
    const items: PlanItem[] = [];
    for (const { factor } of PLANNED) {
      const needed = projectNeed(project.needs, factor);
      if (!(needed > 0)) continue;
      const before = roundAmount(allocated.get(factor) ?? 0);
      const remaining = roundAmount(Math.max(0, needed - before));
      const pools = await poolBalances(this.db, factor, year);
      const county = Number(pools.find((p) => p.owner_kind === 'county' && p.code === project.region_code)?.balance ?? 0);
      const city = Number(pools.find((p) => p.owner_kind === 'city')?.balance ?? 0);
      const fromCounty = roundAmount(Math.min(remaining, county));
      const fromCity = roundAmount(Math.min(remaining - fromCounty, city));
      const gap = roundAmount(remaining - fromCounty - fromCity);
      let solution: PlanItem['solution'] = null;
      if (gap > 0) {
        const donor = pools.filter((p) => p.owner_kind === 'county' && p.code !== project.region_code).sort((a, b) => Number(b.balance) - Number(a.balance))[0];
        const { unit, name } = FACTORS[factor];
        if (donor && Number(donor.balance) >= gap) {
          solution = { kind: '调剂', fromCode: donor.code, fromName: donor.name, note: `由${donor.name}有偿调剂 ${gap} ${unit}（其${name}余额 ${roundAmount(Number(donor.balance))} ${unit}）` };
        } else if (donor && Number(donor.balance) > 0) {
          solution = { kind: '拆借', fromCode: donor.code, fromName: donor.name, note: `向${donor.name}临时拆借 ${roundAmount(Math.min(gap, Number(donor.balance)))} ${unit}，不足部分申请预支或挖潜` };
        } else if (FACTORS[factor].group === 'pollutant') {
          solution = { kind: '挖潜', fromCode: null, fromName: null, note: `通过关停淘汰、提标改造挖潜腾出 ${gap} ${unit}` };
        } else {
          solution = { kind: '预支', fromCode: null, fromName: null, note: `申请预支下一年度${name} ${gap} ${unit}` };
        }
      }
      items.push({ factor, name: FACTORS[factor].name, unit: FACTORS[factor].unit, needed, allocatedBefore: before, fromCounty, fromCity, gap, solution, deadline: gap > 0 ? deadline : null });
    }
    const complete = items.every((i) => i.gap === 0);

    return this.db.transaction(async (trx) => {
      const p = (await this.projects.lockedInTransaction(trx, project.id))!;
      if (p.stage !== '储备' && p.stage !== '要素保障') throw conflict(`项目阶段已变为“${p.stage}”，请刷新`, undefined, FactorsErrors.INVALID_STAGE);
      const plan = await insertPlan(trx, { projectId: p.id, year, items, complete, createdBy: actor.id });
      const number = plan.number;
      if (p.stage === '储备') {
        const t = transitionByAction('储备', 'allocate_factors')!;
        await this.projects.recordStageChange(trx, { projectId: p.id, from: p.stage, to: t.to, action: t.action, note: `要素配置方案 ${number}`, actorId: actor.id });
      }
      await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: 'allocation.plan', entityKind: 'project', entityId: p.id, detail: { plan: number, complete, items }, ip });
      return { id: plan.id, number, projectId: p.id, year, status: 'draft', complete, items };
    });
  }

  async get(actor: Actor, planId: number) {
    const plan = Number.isSafeInteger(planId) && planId > 0 ? await findPlan(this.db, planId) : undefined;
    if (!plan) throw notFoundOrNoAccess('要素配置方案');
    await this.projects.readable(actor, plan.project_id);
    return { id: plan.id, number: plan.number, projectId: plan.project_id, year: plan.year, status: plan.status, complete: plan.complete, items: plan.items as PlanItem[] };
  }

  /** Posts the plan's 分配 movements and publishes the result (see the class comment). */
  async approve(actor: Actor, planId: number, ip: string | null) {
    assertCan(actor, 'factors.manage', '审批要素配置方案');
    const plan = await this.get(actor, planId);
    const project = await this.projects.readable(actor, plan.projectId);
    assertCanWriteProject(actor, await this.projects.scope(actor, project), 'factors.manage', '审批要素配置方案');
    return this.db.transaction(async (trx) => {
      const status = await lockPlanStatus(trx, planId);
      if (status !== 'draft') throw conflict(status === 'approved' ? '该方案已审批' : '该方案已被新方案取代', undefined, FactorsErrors.PLAN_NOT_DRAFT);
      const p = (await this.projects.lockedInTransaction(trx, plan.projectId))!;
      const posted: number[] = [];
      for (const item of plan.items) {
        for (const [source, amount] of [['county', item.fromCounty], ['city', item.fromCity]] as const) {
          if (!(amount > 0)) continue;
          const { movement } = await this.ledger.post(
            actor,
            {
              kind: '分配',
              from: { factor: item.factor, owner: { kind: source, code: source === 'county' ? p.region_code : undefined }, year: plan.year },
              to: { factor: item.factor, owner: { kind: 'project', code: p.code }, year: plan.year },
              amount,
              requestKey: `plan-${plan.id}-${item.factor}-${source}`,
              documentNo: `要素配置方案 ${plan.number}`,
              reason: `${p.name}：按要素配置方案 ${plan.number} 分配${item.name}`,
            },
            ip,
            trx,
          );
          posted.push(movement.id);
        }
      }
      await markApproved(trx, planId, actor.id);
      // Fully allocated: every need met by what the project holds now.
      const net = await allocatedNet(trx, p.id);
      const complete = PLANNED.every(({ factor }) => !(projectNeed(p.needs, factor) > 0) || roundAmount(net.get(factor) ?? 0) >= projectNeed(p.needs, factor));
      let stage = p.stage;
      if (complete && p.stage === '要素保障') {
        const t = transitionByAction('要素保障', 'factors_complete')!;
        await this.projects.recordStageChange(trx, { projectId: p.id, from: p.stage, to: t.to, action: t.action, note: `要素配置方案 ${plan.number} 审批，要素全部到位，纳入绿色通道`, actorId: null }, { green_channel: true });
        stage = t.to;
      }
      await this.notifications.notify(trx, { userId: p.created_by, kind: 'allocation.result', title: `${p.name} 要素配置方案 ${plan.number} 已审批${complete ? '，要素全部到位，纳入绿色通道审批' : '，尚有缺口待解决'}`, link: `/projects/${p.id}` });
      await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: 'allocation.approve', entityKind: 'project', entityId: p.id, detail: { plan: plan.number, movements: posted, complete, stage }, ip });
      return { id: planId, status: 'approved', movements: posted, complete, greenChannel: complete && stage === '审批', stage };
    });
  }

  /**
   * Art. 20, 29: an abandoned project (终止) or one found to have used false information (调出) has its
   * unused allocations recalled to the accounts they came from (newest first) and leaves its libraries.
   */
  async recall(actor: Actor, projectId: number, input: z.infer<typeof recallSchema>, ip: string | null) {
    const project = await this.projects.readable(actor, projectId);
    const to = input.outcome as Stage;
    if (!permittedTransition(project.stage as Stage, to, [...actor.permissions])) {
      throw conflict(`项目处于“${project.stage}”阶段，当前用户不能将其${to}`, undefined, FactorsErrors.INVALID_TRANSITION);
    }
    assertCan(actor, 'factors.manage', '收回要素');
    assertCanWriteProject(actor, await this.projects.scope(actor, project), 'factors.manage', '收回要素');
    return this.db.transaction(async (trx) => {
      const p = (await this.projects.lockedInTransaction(trx, project.id))!;
      const sources = await allocationSources(trx, p.id);
      const balances = await projectBalances(trx, p.id);
      const keep = new Map(Object.entries(input.used ?? {}).map(([f, v]) => [f, v]));
      const recalled: { factor: string; amount: number; to: number; movement: number }[] = [];
      for (const s of sources) {
        let available = balances.get(s.project_account) ?? 0;
        const kept = keep.get(s.factor) ?? 0;
        const recallable = roundAmount(Math.min(Number(s.amount), available - kept));
        if (!(recallable > 0)) continue;
        const { movement } = await this.ledger.post(
          actor,
          { kind: '收回', from: s.project_account, to: s.source_account, amount: recallable, requestKey: `recall-${p.id}-${s.id}`, documentNo: input.documentNo, reason: `${p.name}${to}：${input.reason}` },
          ip,
          trx,
        );
        available = roundAmount(available - recallable);
        balances.set(s.project_account, available);
        recalled.push({ factor: s.factor, amount: recallable, to: s.source_account, movement: movement.id });
      }
      const t = permittedTransition(p.stage as Stage, to, [...actor.permissions])!;
      await this.projects.recordStageChange(trx, { projectId: p.id, from: p.stage, to, action: t.action, note: `${input.reason}；收回 ${recalled.length} 笔指标，移出项目库`, actorId: actor.id }, { libraries: '{}', green_channel: false });
      await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: 'allocation.recall', entityKind: 'project', entityId: p.id, detail: { outcome: to, reason: input.reason, recalled, librariesBefore: p.libraries }, ip });
      return { projectId: p.id, stage: to, recalled };
    });
  }
}
