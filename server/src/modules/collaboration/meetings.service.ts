import type { Knex } from 'knex';
import type { z } from 'zod';
import type { decisionSchema, meetingSchema, problemSchema } from '../../../../common/src/contract/collaboration.contract.ts';
import { transitionByAction, type Stage } from '../../../../common/src/project-lifecycle.ts';
import { badRequest, conflict, notFoundOrNoAccess } from '../../http/app-error.ts';
import { assertCan } from '../../policy/access.policy.ts';
import type { Actor } from '../../policy/actor.ts';
import { assertCanWriteProject } from '../../policy/project.policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import * as repo from '../projects/projects.repository.ts';
import type { ProjectsService } from '../projects/projects.service.ts';
import type { NotificationsService } from './notifications.service.ts';

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
      const p = (await repo.findProject(trx, project.id, true))!;
      const last = await trx('consultation_rounds').where({ project_id: p.id }).orderBy('round_no', 'desc').first('round_no', 'status');
      if (p.stage !== '策划生成中' || last?.status !== 'rejected') {
        throw conflict('只有策划生成审查中有部门不同意的项目才能形成问题清单提报联席会议', undefined, 'NOT_REJECTED');
      }
      if (await trx('problems').where({ project_id: p.id }).whereIn('status', ['open', 'on_agenda']).first('id')) {
        throw conflict('该项目已有待联席会议研究的问题', undefined, 'PROBLEM_OPEN');
      }
      const [problem] = await trx('problems')
        .insert({ project_id: p.id, region_id: p.region_id, source: 'consultation', title: input.title, description: input.description, raised_by: actor.id })
        .returning(['id', 'status']);
      const t = transitionByAction(p.stage as Stage, 'escalate')!;
      await repo.recordStage(trx, { projectId: p.id, from: p.stage, to: t.to, action: t.action, note: `问题清单：${input.title}`, actorId: actor.id });
      await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: 'problem.raise', entityKind: 'project', entityId: p.id, detail: { problem: problem.id, title: input.title, round: last.round_no }, ip });
      return { id: problem.id, status: problem.status, projectId: p.id };
    });
  }

  async listProblems(actor: Actor, status?: string) {
    assertCan(actor, 'projects.read', '问题清单');
    const q = this.db('problems as pr').leftJoin('projects as p', 'p.id', 'pr.project_id').join('regions as r', 'r.id', 'pr.region_id')
      .select('pr.id', 'pr.title', 'pr.description', 'pr.status', 'pr.created_at', 'pr.project_id', 'p.code as project_code', 'p.name as project_name', 'r.name as county')
      .orderBy('pr.id');
    if (actor.scope === 'county') q.where('pr.region_id', actor.regionId ?? -1);
    else if (actor.scope !== 'city') q.whereRaw('false');
    if (status) q.where('pr.status', status);
    return q;
  }

  async convene(actor: Actor, input: z.infer<typeof meetingSchema>, ip: string | null) {
    assertCan(actor, 'meetings.manage', '召集联席会议');
    return this.db.transaction(async (trx) => {
      const problems = await trx('problems').whereIn('id', input.problemIds).forUpdate().select('id', 'status');
      const missing = input.problemIds.filter((id) => !problems.some((p) => p.id === id));
      if (missing.length) throw badRequest(`问题 ${missing.join('、')} 不存在`, { missing }, 'UNKNOWN_PROBLEM');
      const busy = problems.filter((p) => p.status !== 'open');
      if (busy.length) throw conflict(`问题 ${busy.map((p) => p.id).join('、')} 已在其他会议议程上或已办结`, undefined, 'PROBLEM_NOT_OPEN');
      const [meeting] = await trx('joint_meetings').insert({ title: input.title, meeting_date: input.date, convened_by: actor.id }).returning(['id']);
      await trx('meeting_decisions').insert(input.problemIds.map((problem_id) => ({ meeting_id: meeting.id, problem_id })));
      await trx('problems').whereIn('id', input.problemIds).update({ status: 'on_agenda' });
      await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: 'meeting.convene', entityKind: 'joint_meeting', entityId: meeting.id, detail: { title: input.title, date: input.date, problems: input.problemIds }, ip });
      return this.meeting(actor, meeting.id, trx);
    });
  }

  /** Every joint meeting with its agenda, newest first (the command's working list). */
  async meetings(actor: Actor) {
    assertCan(actor, 'projects.read', '联席会议');
    if (actor.scope !== 'city') return [];
    const ids = (await this.db('joint_meetings').orderBy('id', 'desc').limit(100).pluck('id')) as number[];
    return Promise.all(ids.map((id) => this.meeting(actor, id)));
  }

  async meeting(actor: Actor, id: number, db: Knex | Knex.Transaction = this.db) {
    assertCan(actor, 'projects.read', '联席会议');
    const m = Number.isSafeInteger(id) && id > 0 ? await db('joint_meetings').where({ id }).first() : undefined;
    if (!m) throw notFoundOrNoAccess('联席会议');
    const agenda = await db('meeting_decisions as md').join('problems as pr', 'pr.id', 'md.problem_id').leftJoin('projects as p', 'p.id', 'pr.project_id').leftJoin('departments as d', 'd.id', 'md.responsible_department_id')
      .where('md.meeting_id', id).orderBy('md.id')
      .select('md.problem_id', 'md.decision', 'md.decision_text', 'md.deadline', 'd.code as department', 'pr.title', 'pr.status', 'p.id as project_id', 'p.code as project_code', 'p.name as project_name', 'p.stage');
    return { id: m.id, title: m.title, date: String(m.meeting_date).slice(0, 10), status: m.status, agenda };
  }

  async decide(actor: Actor, meetingId: number, input: z.infer<typeof decisionSchema>, ip: string | null) {
    assertCan(actor, 'meetings.manage', '联席会议决定');
    return this.db.transaction(async (trx) => {
      const item = await trx('meeting_decisions').where({ meeting_id: meetingId, problem_id: input.problemId }).forUpdate().first();
      if (!item) throw notFoundOrNoAccess('会议议题');
      if (item.decision) throw conflict('该议题已有会议决定', undefined, 'ALREADY_DECIDED');
      const department = input.responsibleDepartment ? await trx('departments').where({ code: input.responsibleDepartment }).first('id') : null;
      if (input.responsibleDepartment && !department) throw badRequest(`部门代码 ${input.responsibleDepartment} 不存在`, undefined, 'UNKNOWN_DEPARTMENT');
      await trx('meeting_decisions').where({ meeting_id: meetingId, problem_id: input.problemId }).update({
        decision: input.decision,
        decision_text: input.text,
        responsible_department_id: department?.id ?? null,
        deadline: input.deadline ?? null,
      });
      const adopted = input.decision !== 'reject';
      await trx('problems').where({ id: input.problemId }).update({ status: adopted ? 'resolved' : 'rejected', resolved_at: trx.fn.now() });
      const problem = await trx('problems').where({ id: input.problemId }).first('project_id');
      let stage: string | null = null;
      if (problem.project_id) {
        const p = (await repo.findProject(trx, problem.project_id, true))!;
        const t = transitionByAction(p.stage as Stage, ACTION[adopted ? input.decision as 'adopt' : (input.outcome ?? 'return')]);
        if (!t) throw conflict(`项目处于“${p.stage}”阶段，会议决定无法执行`, undefined, 'INVALID_TRANSITION');
        await repo.setStage(trx, p.id, t.to);
        await repo.recordStage(trx, { projectId: p.id, from: p.stage, to: t.to, action: t.action, note: input.text, actorId: actor.id });
        await this.notifications.notify(trx, { userId: p.created_by, kind: 'meeting.decision', title: `联席会议对“${p.name}”作出决定：${t.label}`, link: `/projects/${p.id}` });
        stage = t.to;
      }
      const open = Number((await trx('meeting_decisions').where({ meeting_id: meetingId }).whereNull('decision').count({ n: '*' }).first())?.n ?? 0);
      if (open === 0) await trx('joint_meetings').where({ id: meetingId }).update({ status: 'closed' });
      await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: 'meeting.decide', entityKind: 'project', entityId: problem.project_id ?? '', detail: { meeting: meetingId, problem: input.problemId, decision: input.decision, stage }, ip });
      return { problemId: input.problemId, decision: input.decision, projectStage: stage, meetingClosed: open === 0 };
    });
  }
}
