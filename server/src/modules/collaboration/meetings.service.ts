import type { Knex } from 'knex';
import type { z } from 'zod';
import type { decisionSchema, meetingSchema, problemSchema } from '../../../../common/src/contract/collaboration.contract.ts';
import { transitionByAction, type Stage } from '../../../../common/src/project-lifecycle.ts';
import { badRequest, conflict, notFoundOrNoAccess } from '../../http/app-error.ts';
import { assertCan } from '../../policy/access.policy.ts';
import type { Actor } from '../../policy/actor.ts';
import { assertCanWriteProject } from '../../policy/project.policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { ProjectsService } from '../projects/projects.service.ts';
import * as meetings from './meetings.repository.ts';
import type { NotificationsService } from './notifications.service.ts';
import * as problems from './problems.repository.ts';
import { departmentByCode } from './reference.repository.ts';
import { lastRound } from './rounds.repository.ts';
import { CollaborationErrors } from '../../../../common/src/contract/collaboration.errors.ts';

// The request schemas live in the contract (common/); re-exported for existing importers.
export { decisionSchema, meetingSchema, problemSchema } from '../../../../common/src/contract/collaboration.contract.ts';

const ACTION = { adopt: 'meeting_adopt', adopt_with_conditions: 'meeting_adopt', return: 'meeting_return', terminate: 'meeting_terminate' } as const;

/**
 * The problem list and the joint meeting (联席会议, Art. 4, 11): a disagreement that cannot be fixed but
 * is necessary goes on the problem list; a meeting takes problems on its agenda; its decision closes
 * them and moves the project (adopt → 储备, reject → back to 谋划 or 终止).
 */
export class MeetingsService {
  constructor(
    private readonly db: Knex,
    private readonly projects: ProjectsService,
    private readonly notifications: NotificationsService,
  ) {}

  async raiseProblem(actor: Actor, projectId: number, input: z.infer<typeof problemSchema>, ip: string | null) {
    const project = await this.projects.readable(actor, projectId);
    assertCanWriteProject(actor, await this.projects.scope(actor, project), 'consultation.submit', '提报联席会议');
    return this.db.transaction(async (trx) => {
      const p = (await this.projects.lockedInTransaction(trx, project.id))!;
      const last = await lastRound(trx, p.id);
      if (p.stage !== '策划生成中' || last?.status !== 'rejected') {
        throw conflict('只有策划生成审查中有部门不同意的项目才能形成问题清单提报联席会议', undefined, CollaborationErrors.NOT_REJECTED);
      }
      if (await problems.hasPendingProblem(trx, p.id)) {
        throw conflict('该项目已有待联席会议研究的问题', undefined, CollaborationErrors.PROBLEM_OPEN);
      }
      const problem = await problems.insertProblem(trx, { projectId: p.id, regionId: p.region_id, source: 'consultation', title: input.title, description: input.description, raisedBy: actor.id });
      const t = transitionByAction(p.stage as Stage, 'escalate')!;
      await this.projects.recordStageHistory(trx, { projectId: p.id, from: p.stage, to: t.to, action: t.action, note: `问题清单：${input.title}`, actorId: actor.id });
      await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: 'problem.raise', entityKind: 'project', entityId: p.id, detail: { problem: problem.id, title: input.title, round: last!.round_no }, ip });
      return { id: problem.id, status: problem.status, projectId: p.id };
    });
  }

  async listProblems(actor: Actor, status?: string) {
    assertCan(actor, 'projects.read', '问题清单');
    const regionId = actor.scope === 'county' ? (actor.regionId ?? -1) : actor.scope === 'city' ? null : false;
    return problems.listProblems(this.db, { regionId, status });
  }

  async convene(actor: Actor, input: z.infer<typeof meetingSchema>, ip: string | null) {
    assertCan(actor, 'meetings.manage', '召集联席会议');
    return this.db.transaction(async (trx) => {
      const locked = await problems.lockProblems(trx, input.problemIds);
      const missing = input.problemIds.filter((id) => !locked.some((p) => p.id === id));
      if (missing.length) throw badRequest(`问题 ${missing.join('、')} 不存在`, { missing }, CollaborationErrors.UNKNOWN_PROBLEM);
      const busy = locked.filter((p) => p.status !== 'open');
      if (busy.length) throw conflict(`问题 ${busy.map((p) => p.id).join('、')} 已在其他会议议程上或已办结`, undefined, CollaborationErrors.PROBLEM_NOT_OPEN);
      const meeting = await meetings.insertMeeting(trx, { title: input.title, date: input.date, convenedBy: actor.id, problemIds: input.problemIds });
      await problems.setProblemsStatus(trx, input.problemIds, 'on_agenda');
      await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: 'meeting.convene', entityKind: 'joint_meeting', entityId: meeting.id, detail: { title: input.title, date: input.date, problems: input.problemIds }, ip });
      return this.meeting(actor, meeting.id, trx);
    });
  }

  /** Every joint meeting with its agenda, newest first (the command's working list). */
  async meetings(actor: Actor) {
    assertCan(actor, 'projects.read', '联席会议');
    if (actor.scope !== 'city') return [];
    const ids = await meetings.recentMeetingIds(this.db, 100);
    return Promise.all(ids.map((id) => this.meeting(actor, id)));
  }

  async meeting(actor: Actor, id: number, db: Knex | Knex.Transaction = this.db) {
    assertCan(actor, 'projects.read', '联席会议');
    const m = Number.isSafeInteger(id) && id > 0 ? await meetings.findMeeting(db, id) : undefined;
    if (!m) throw notFoundOrNoAccess('联席会议');
    const agenda = await meetings.agenda(db, id);
    return { id: m.id, title: m.title, date: String(m.meeting_date).slice(0, 10), status: m.status, agenda };
  }

  async decide(actor: Actor, meetingId: number, input: z.infer<typeof decisionSchema>, ip: string | null) {
    assertCan(actor, 'meetings.manage', '联席会议决定');
    return this.db.transaction(async (trx) => {
      const item = await meetings.lockAgendaItem(trx, meetingId, input.problemId);
      if (!item) throw notFoundOrNoAccess('会议议题');
      if (item.decision) throw conflict('该议题已有会议决定', undefined, CollaborationErrors.ALREADY_DECIDED);
      const department = input.responsibleDepartment ? await departmentByCode(trx, input.responsibleDepartment) : null;
      if (input.responsibleDepartment && !department) throw badRequest(`部门代码 ${input.responsibleDepartment} 不存在`, undefined, CollaborationErrors.UNKNOWN_DEPARTMENT);
      await meetings.recordDecision(trx, meetingId, input.problemId, { decision: input.decision, text: input.text, responsibleDepartmentId: department?.id ?? null, deadline: input.deadline ?? null });
      const adopted = input.decision !== 'reject';
      await problems.resolveProblem(trx, input.problemId, adopted ? 'resolved' : 'rejected');
      const problem = await problems.problemProject(trx, input.problemId);
      let stage: string | null = null;
      if (problem.project_id) {
        const p = (await this.projects.lockedInTransaction(trx, problem.project_id))!;
        const t = transitionByAction(p.stage as Stage, ACTION[adopted ? input.decision as 'adopt' : (input.outcome ?? 'return')]);
        if (!t) throw conflict(`项目处于“${p.stage}”阶段，会议决定无法执行`, undefined, CollaborationErrors.INVALID_TRANSITION);
        await this.projects.recordStageChange(trx, { projectId: p.id, from: p.stage, to: t.to, action: t.action, note: input.text, actorId: actor.id });
        await this.notifications.notify(trx, { userId: p.created_by, kind: 'meeting.decision', title: `联席会议对“${p.name}”作出决定：${t.label}`, link: `/projects/${p.id}` });
        stage = t.to;
      }
      const open = await meetings.undecidedCount(trx, meetingId);
      if (open === 0) await meetings.closeMeeting(trx, meetingId);
      await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: 'meeting.decide', entityKind: 'project', entityId: problem.project_id ?? '', detail: { meeting: meetingId, problem: input.problemId, decision: input.decision, stage }, ip });
      return { problemId: input.problemId, decision: input.decision, projectStage: stage, meetingClosed: open === 0 };
    });
  }
}
