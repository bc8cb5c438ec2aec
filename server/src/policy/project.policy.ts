import { HttpErrors } from '../../../common/src/contract/http.errors.ts';
import { AppError, notFoundOrNoAccess } from '../http/app-error.ts';
import { assertCan, can, canSeeRegionRecord } from './access.policy.ts';
import type { Actor } from './actor.ts';

/**
 * Who may see and change a project (issue 5 item 1). City scope reads every project; a county user
 * reads their county's projects and public ones; a department (reviewer) reads the projects it has a
 * task for. Writing needs projects.write and, below city scope, the project's own county. A leader
 * (projects.read only) reads everything and writes nothing. A refusal to read is "not found or no
 * access", so a record's existence does not leak.
 */
export interface ProjectScope {
  regionId: number;
  isPublic: boolean;
  /** Whether the actor's department has a consultation task on the project. */
  assignedToDepartment: boolean;
}

export function canReadProject(actor: Actor, p: ProjectScope): boolean {
  if (!can(actor, 'projects.read')) return false;
  return canSeeRegionRecord(actor, { regionId: p.regionId, isPublic: p.isPublic }, p.assignedToDepartment);
}

export function assertCanReadProject(actor: Actor, p: ProjectScope) {
  if (!canReadProject(actor, p)) throw notFoundOrNoAccess('项目');
}

/** Changing a project: reading it first (else 404), then the permission, then the county. */
export function assertCanWriteProject(actor: Actor, p: ProjectScope, permission = 'projects.write', what = '修改项目') {
  assertCanReadProject(actor, p);
  assertCan(actor, permission, what);
  if (actor.scope === 'city') return;
  if (actor.scope !== 'county' || actor.regionId !== p.regionId) throw notFoundOrNoAccess('项目');
}

/** A county user creates projects in their own county only; city scope in any. */
export function assertCanCreateProjectIn(actor: Actor, regionId: number) {
  assertCan(actor, 'projects.write', '新建项目');
  if (actor.scope === 'city') return;
  if (actor.scope !== 'county' || actor.regionId !== regionId) throw new AppError(403, HttpErrors.FORBIDDEN, '只能在本县（市、区）新建项目');
}

/** A reviewer answers only tasks of their own department. */
export function assertCanAnswerTask(actor: Actor, task: { departmentId: number }) {
  if (!can(actor, 'consultation.review') || actor.departmentId !== task.departmentId) throw notFoundOrNoAccess('审查任务');
}
