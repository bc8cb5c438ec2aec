import { Router } from 'express';
import { actorOf, requestMeta, requireLogin } from '../../http/session.middleware.ts';
import { objectBody, parseOr400, pathId } from '../../http/validate.ts';
import { recallSchema } from '../../../../common/src/contract/factors.contract.ts';
import type { AllocationService } from './allocation.service.ts';

/** Allocation under a project: make a plan, recall after abandonment or false information. */
export function projectAllocationRoutes(allocation: AllocationService) {
  const r = Router();
  r.use(requireLogin);
  r.post('/:id/allocation-plan', async (req, res) => {
    res.status(201).json(await allocation.plan(actorOf(req), pathId(req.params.id, '项目'), requestMeta(req).ip));
  });
  r.post('/:id/recall', async (req, res) => {
    const input = parseOr400(recallSchema, objectBody(req.body));
    res.json(await allocation.recall(actorOf(req), pathId(req.params.id, '项目'), input, requestMeta(req).ip));
  });
  return r;
}

/** A plan by id and its approval (posts the 分配 movements). */
export function allocationPlanRoutes(allocation: AllocationService) {
  const r = Router();
  r.use(requireLogin);
  r.get('/:id', async (req, res) => {
    res.json(await allocation.get(actorOf(req), pathId(req.params.id, '要素配置方案')));
  });
  r.post('/:id/approve', async (req, res) => {
    res.json(await allocation.approve(actorOf(req), pathId(req.params.id, '要素配置方案'), requestMeta(req).ip));
  });
  return r;
}
