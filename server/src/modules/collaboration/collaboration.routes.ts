import { Router } from 'express';
import { decisionSchema, meetingSchema, opinionSchema, problemSchema, submissionSchema, taskQuery } from '../../../../common/src/contract/collaboration.contract.ts';
import { actorOf, requestMeta, requireLogin } from '../../http/session.middleware.ts';
import { objectBody, parseOr400, pathId } from '../../http/validate.ts';
import type { ConsultationService } from './consultation.service.ts';
import type { MeetingsService } from './meetings.service.ts';


/** 业务协同 on a project (mounted under /api/projects): open a 策划生成 round, raise a problem for the joint meeting. */
export function projectCollaborationRoutes(consultation: ConsultationService, meetings: MeetingsService) {
  const r = Router();
  r.use(requireLogin);
  r.post('/:id/submissions', async (req, res) => {
    const input = parseOr400(submissionSchema, req.body ?? {});
    res.status(201).json(await consultation.submit(actorOf(req), pathId(req.params.id, '项目'), input, requestMeta(req).ip));
  });
  r.post('/:id/problems', async (req, res) => {
    const input = parseOr400(problemSchema, objectBody(req.body));
    res.status(201).json(await meetings.raiseProblem(actorOf(req), pathId(req.params.id, '项目'), input, requestMeta(req).ip));
  });
  return r;
}

/** Review tasks (issue 5 item 4): the caller's list, one task with its site and report, the opinion. */
export function tasksRoutes(consultation: ConsultationService) {
  const r = Router();
  r.use(requireLogin);
  r.get('/', async (req, res) => {
    const q = parseOr400(taskQuery, req.query);
    res.json(await consultation.listTasks(actorOf(req), { status: q.status, overdue: q.overdue === 'true' }));
  });
  r.get('/:id', async (req, res) => {
    res.json(await consultation.getTask(actorOf(req), pathId(req.params.id, '审查任务')));
  });
  r.post('/:id/opinion', async (req, res) => {
    const input = parseOr400(opinionSchema, objectBody(req.body));
    res.json(await consultation.answer(actorOf(req), pathId(req.params.id, '审查任务'), input, requestMeta(req).ip));
  });
  return r;
}

/** The joint meeting (issue 5 item 5): convene on open problems, read, decide. */
export function meetingsRoutes(meetings: MeetingsService) {
  const r = Router();
  r.use(requireLogin);
  r.post('/', async (req, res) => {
    const input = parseOr400(meetingSchema, objectBody(req.body));
    res.status(201).json(await meetings.convene(actorOf(req), input, requestMeta(req).ip));
  });
  r.get('/', async (req, res) => {
    res.json(await meetings.meetings(actorOf(req)));
  });
  r.get('/:id', async (req, res) => {
    res.json(await meetings.meeting(actorOf(req), pathId(req.params.id, '联席会议')));
  });
  r.post('/:id/decisions', async (req, res) => {
    const input = parseOr400(decisionSchema, objectBody(req.body));
    res.json(await meetings.decide(actorOf(req), pathId(req.params.id, '联席会议'), input, requestMeta(req).ip));
  });
  return r;
}

/** The problem list (问题清单). */
export function problemsRoutes(meetings: MeetingsService) {
  const r = Router();
  r.use(requireLogin);
  r.get('/', async (req, res) => {
    const status = typeof req.query.status === 'string' ? req.query.status : undefined;
    res.json(await meetings.listProblems(actorOf(req), status));
  });
  return r;
}
