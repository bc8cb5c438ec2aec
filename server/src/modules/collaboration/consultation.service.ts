import type { Knex } from 'knex';
import { assignDepartments, draftOpinion } from '../../../../common/src/consultation-rules.ts';
import { transitionByAction, type Stage } from '../../../../common/src/project-lifecycle.ts';
import { VERDICTS, type OpinionInput, type VerdictKey } from '../../../../common/src/projects.ts';
import type { SitingAnalysis } from '../../../../common/src/siting.ts';
import { addWorkingDays, type CalendarDay } from '../../../../common/src/working-days.ts';
import { badRequest, conflict, notFoundOrNoAccess } from '../../http/app-error.ts';
import { assertCan, can } from '../../policy/access.policy.ts';
import type { Actor } from '../../policy/actor.ts';
import { assertCanAnswerTask, assertCanWriteProject } from '../../policy/project.policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { LayersService } from '../blueprint/layers.service.ts';
import type { SitingReportService } from '../siting/report/siting-report.service.ts';
import type { SitingService } from '../siting/siting.service.ts';
import { chinaToday, snapshotOf, type ProjectsService } from '../projects/projects.service.ts';
import type { NotificationsService } from './notifications.service.ts';
import { listDepartments, reviewCalendar } from './reference.repository.ts';
import * as rounds from './rounds.repository.ts';
import * as tasks from './tasks.repository.ts';
import { CollaborationErrors } from '../../../../common/src/contract/collaboration.errors.ts';

const VERDICT_KEY: Record<string, VerdictKey> = { 同意: 'agree', 有条件同意: 'conditional', 不同意: 'disagree' };

export interface SubmissionResult {
  round: number;
  roundId: number;
  sitingReport: { id: number; number: string };
  tasks: { id: number; department: string; departmentName: string; dueAt: string; assignedBy: string; reason: string }[];
}

/**
 * 策划生成 (Art. 9-13): a submission opens a consultation round that freezes the site version, the
 * attributes and a siting report; departments get tasks with deadlines in working days; each returns
 * an opinion; when the last one is in, the round passes (all agree → 储备) or is rejected.
 *
 * Concurrency: a submission locks the project row; an opinion locks its round row (SELECT … FOR UPDATE)
 * before it writes, so of two reviewers answering at the same moment one waits for the other, and
 * exactly one of them sees "no task left" and closes the round. READ COMMITTED is enough under these
 * row locks; the task's own `answered_at is null` guard makes a double answer a 409, not a second write.
 */
export class ConsultationService {
  constructor(
    private readonly db: Knex,
    private readonly siting: SitingService,
    private readonly reports: SitingReportService,
    private readonly layers: LayersService,
    private readonly projects: ProjectsService,
    private readonly notifications: NotificationsService,
    private readonly reviewWorkingDays: number,
  ) {}

  async submit(actor: Actor, projectId: number, input: { departments?: string[]; note?: string }, ip: string | null): Promise<SubmissionResult> {
    const project = await this.projects.readable(actor, projectId);
    assertCanWriteProject(actor, await this.projects.scope(actor, project), 'consultation.submit', '提交策划生成');
    const site = await this.projects.latestSite(project.id);
    if (!site) throw conflict('项目还没有选址，请先绘制或导入选址', undefined, CollaborationErrors.NO_SITE);
    // Read-only work first: the analysis of the frozen site and the department rules.
    const needs = project.needs as Record<string, number>;
    const analysis = await this.siting.analyze(actor, site.geometry, { landMu: needs.landMu, energyTce: needs.energyTce });
    const departments = await listDepartments(this.db);
    const byCode = new Map(departments.map((d) => [d.code, d]));
    const unknown = (input.departments ?? []).filter((c) => !byCode.has(c));
    if (unknown.length > 0) throw badRequest(`部门代码 ${unknown.join('、')} 不存在`, { unknown }, CollaborationErrors.UNKNOWN_DEPARTMENT);
    const layerDepartments = Object.fromEntries((await this.layers.registry()).map((l) => [l.key, l.department_code ?? null]));
    const assigned = assignDepartments({
      findings: analysis.findings.map((f) => ({ layer: f.layer, kind: f.kind, severity: f.severity, overlapM2: f.overlapM2 })),
      layerDepartments,
      needs,
      type: project.type,
      fundingSources: project.funding_sources,
      industryCode: project.industry_code,
    });
    const manual = (input.departments ?? []).filter((c) => !assigned.some((a) => a.department === c)).map((c) => ({ department: c, rule: 'manual', reason: '提交人增加' }));
    const chosen = [...assigned, ...manual].filter((a) => byCode.has(a.department));
    if (chosen.length === 0) throw conflict('没有需要会商的部门：请至少增加一个部门', undefined, CollaborationErrors.NO_DEPARTMENT);
    const calendar: CalendarDay[] = await reviewCalendar(this.db);
    const today = chinaToday();
    const dueAt = addWorkingDays(today, this.reviewWorkingDays, calendar);
    const { rules, layerVersions } = await this.reports.currentBasis();

    return this.db.transaction(async (trx) => {
      const p = await this.projects.lockedInTransaction(trx, project.id);
      if (!p) throw notFoundOrNoAccess('项目');
      const from = p.stage as Stage;
      const open = await rounds.openRound(trx, p.id);
      if (open) throw conflict(`第 ${open.round_no} 轮策划生成审查正在进行，不能重复提交`, undefined, CollaborationErrors.ROUND_OPEN);
      const transition = transitionByAction(from, from === '谋划' ? 'submit' : 'resubmit');
      if (!transition) throw conflict(`项目处于“${from}”阶段，不能提交策划生成`, undefined, CollaborationErrors.INVALID_TRANSITION);
      const last = await this.projects.latestSite(p.id, trx);
      if (!last || last.id !== site.id) throw conflict('选址刚刚被修改，请刷新后重新提交', undefined, CollaborationErrors.STALE_SITE);
      const passedOnSite = await rounds.passedRoundOnSite(trx, p.id, site.id);
      if (passedOnSite) throw conflict('该选址版本已审核通过，无需再次会商', undefined, CollaborationErrors.ALREADY_PASSED);

      const report = await this.reports.insertInTransaction(trx, {
        title: `${p.name}（第 ${site.version} 版选址）`,
        regionId: p.region_id,
        projectSiteId: site.id,
        geometry: site.geometry,
        needs: { landMu: needs.landMu, energyTce: needs.energyTce },
        analysis,
        layerVersions,
        rules,
        createdBy: actor.id,
      });
      const roundNo = await rounds.nextRoundNo(trx, p.id);
      const round = await rounds.insertRound(trx, { projectId: p.id, roundNo, siteId: site.id, sitingReportId: report.id, attributesSnapshot: snapshotOf(p), submittedBy: actor.id });
      const assignedTasks: SubmissionResult['tasks'] = [];
      for (const a of chosen) {
        const dept = byCode.get(a.department)!;
        const task = await tasks.insertTask(trx, {
          roundId: round.id,
          departmentId: dept.id,
          assignedBy: a.rule.slice(0, 64),
          deadline: dueAt,
          draftOpinion: draftOpinion(a.department, departmentFindings(analysis, layerDepartments, a.department)),
        });
        assignedTasks.push({ id: task.id, department: dept.code, departmentName: dept.name, dueAt, assignedBy: a.rule, reason: a.reason });
        await this.notifications.notify(trx, { departmentId: dept.id, kind: 'task.new', title: `新的策划生成审查任务：${p.name}（第 ${roundNo} 轮），请于 ${dueAt} 前反馈`, link: `/tasks/${task.id}` });
      }
      const history = { projectId: p.id, from, to: transition.to, action: transition.action, note: `第 ${roundNo} 轮会商：${assignedTasks.map((t) => t.departmentName).join('、')}${input.note ? `；${input.note}` : ''}`, actorId: actor.id };
      if (from !== transition.to) await this.projects.recordStageChange(trx, history);
      else await this.projects.recordStageHistory(trx, history);
      await recordAudit(trx, {
        actorId: actor.id,
        actorUsername: actor.username,
        action: 'project.submit',
        entityKind: 'project',
        entityId: p.id,
        detail: { round: roundNo, siteVersion: site.version, report: report.number, departments: assignedTasks.map((t) => t.department), dueAt, from, to: transition.to },
        ip,
      });
      return { round: roundNo, roundId: round.id, sitingReport: report, tasks: assignedTasks };
    });
  }

  /** The caller's tasks: a reviewer's department's; the command (consultation.dispatch) sees all, e.g. the overdue ones. */
  async listTasks(actor: Actor, f: { status?: 'open' | 'answered'; overdue?: boolean }) {
    const reviewer = can(actor, 'consultation.review') && actor.departmentId !== null;
    if (!reviewer && !can(actor, 'consultation.dispatch')) assertCan(actor, 'consultation.review', '审查任务');
    const today = chinaToday();
    const rows = await tasks.listTasks(this.db, { departmentId: reviewer ? actor.departmentId! : undefined, status: f.status, overdue: f.overdue, today });
    return rows.map((r) => taskSummary(r, today));
  }

  async getTask(actor: Actor, id: number) {
    const row = await this.readableTask(actor, id);
    const today = chinaToday();
    const site = await this.projects.siteById(row.site_id);
    const report = row.siting_report_id ? await this.reports.storedRow(row.siting_report_id) : undefined;
    return {
      ...taskSummary(row, today),
      draftOpinion: row.draft_opinion,
      factorFeedback: row.factor_feedback,
      site: { version: site.version, areaM2: Number(site.area_m2), geometry: site.geometry },
      sitingReport: report ? { id: report.id, number: report.number, analysis: report.analysis } : null,
      attributes: row.attributes_snapshot,
    };
  }

  private async readableTask(actor: Actor, id: number) {
    const row = Number.isSafeInteger(id) && id > 0 ? await tasks.findTask(this.db, id) : undefined;
    const mayRead = row && ((can(actor, 'consultation.review') && actor.departmentId === row.department_id) || (can(actor, 'consultation.dispatch') && actor.scope === 'city'));
    if (!mayRead) throw notFoundOrNoAccess('审查任务');
    return row;
  }

  /** A department's opinion; the last one closes the round (see the class comment on locking). */
  async answer(actor: Actor, taskId: number, input: OpinionInput, ip: string | null) {
    return this.db.transaction(async (trx) => {
      const found = Number.isSafeInteger(taskId) && taskId > 0 ? await tasks.taskOwner(trx, taskId) : undefined;
      if (!found) throw notFoundOrNoAccess('审查任务');
      assertCanAnswerTask(actor, { departmentId: found.department_id });
      const round = await rounds.lockRound(trx, found.round_id);
      if (round.status !== 'open') throw conflict(`第 ${round.round_no} 轮审查已结束，不能再反馈意见`, undefined, CollaborationErrors.ROUND_CLOSED);
      const verdict = VERDICTS[input.verdict];
      const updated = await tasks.answerTask(trx, taskId, { verdict, opinion: input.text, conditions: input.conditions ?? null, factorFeedback: input.factorFeedback, answeredBy: actor.id });
      if (updated === 0) throw conflict('本部门已反馈过意见，不能重复提交', undefined, CollaborationErrors.ALREADY_ANSWERED);
      const p = (await this.projects.lockedInTransaction(trx, round.project_id))!;
      await recordAudit(trx, {
        actorId: actor.id,
        actorUsername: actor.username,
        action: 'consultation.opinion',
        entityKind: 'consultation_task',
        entityId: taskId,
        detail: { project: p.code, round: round.round_no, department: actor.departmentCode, verdict, conditions: input.conditions ?? null },
        ip,
      });

      const remaining = await tasks.unansweredCount(trx, round.id);
      let roundStatus: string = 'open';
      let stage = p.stage;
      if (remaining === 0) {
        const verdicts = await tasks.roundVerdicts(trx, round.id);
        roundStatus = verdicts.includes('不同意') ? 'rejected' : 'passed';
        await rounds.closeRound(trx, round.id, roundStatus);
        if (roundStatus === 'passed') {
          const t = transitionByAction(p.stage as Stage, 'pass');
          if (t) {
            await this.projects.recordStageChange(trx, { projectId: p.id, from: p.stage, to: t.to, action: t.action, note: `第 ${round.round_no} 轮各部门意见均为同意或有条件同意，意见作为正式预审意见`, actorId: null });
            stage = t.to;
          }
        }
        const result = roundStatus === 'passed' ? '审核通过，已纳入储备' : '有部门不同意，请调整后重新提交或提报联席会议';
        await this.notifications.notify(trx, { userId: p.created_by, kind: 'round.result', title: `${p.name} 第 ${round.round_no} 轮策划生成${result}`, link: `/projects/${p.id}` });
        await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: 'consultation.round.close', entityKind: 'project', entityId: p.id, detail: { round: round.round_no, status: roundStatus, stage }, ip });
      }
      return { taskId, verdict: input.verdict, round: { round: round.round_no, status: roundStatus, remaining }, project: { id: p.id, stage } };
    });
  }
}

function departmentFindings(analysis: SitingAnalysis, layerDepartments: Record<string, string | null>, department: string) {
  return analysis.findings
    .filter((f) => layerDepartments[f.layer] === department)
    .map((f) => ({ layer: f.layer, kind: f.kind, severity: f.severity, overlapM2: f.overlapM2, message: f.message, layerName: f.layerName }));
}

function taskSummary(r: Record<string, any>, today: string) {
  const deadline = String(r.deadline).slice(0, 10);
  return {
    id: r.id as number,
    project: { id: r.project_id as number, code: r.project_code as string, name: r.project_name as string, county: r.county_name as string },
    round: r.round_no as number,
    roundStatus: r.round_status as string,
    department: { code: r.department_code as string, name: r.department_name as string },
    assignedBy: r.assigned_by as string,
    dueAt: deadline,
    overdue: r.answered_at === null && r.round_status === 'open' && deadline < today,
    verdict: r.verdict ? VERDICT_KEY[r.verdict]! : null,
    opinion: r.opinion as string | null,
    conditions: r.conditions as string | null,
    answeredAt: r.answered_at ? new Date(r.answered_at).toISOString() : null,
    answeredBy: (r.answered_by_name as string | null) ?? null,
  };
}
