import { HttpErrors } from '../../../common/src/contract/http.errors.ts';
import { AppError, notFoundOrNoAccess } from '../http/app-error.ts';
import type { Actor } from './actor.ts';

/**
 * The one module that decides access. Permissions come from the roles table (data), scope from the
 * user's home region / department. Callers ask here; nothing else compares role keys.
 */
export function can(actor: Actor, permission: string): boolean {
  return actor.permissions.has(permission);
}

export function assertCan(actor: Actor, permission: string, what = '该功能') {
  if (!can(actor, permission)) throw new AppError(403, HttpErrors.FORBIDDEN, `您没有使用${what}的权限`);
}

/**
 * Whether the actor may see a record that belongs to a region. City scope sees all; county scope sees
 * its own region and what is public; department scope sees what the caller says is assigned to it.
 */
export function canSeeRegionRecord(actor: Actor, record: { regionId: number; isPublic?: boolean }, assignedToDepartment = false) {
  if (actor.scope === 'city') return true;
  if (actor.scope === 'county') return record.regionId === actor.regionId || record.isPublic === true;
  return assignedToDepartment || record.isPublic === true;
}

export function assertCanSeeRegionRecord(actor: Actor, record: { regionId: number; isPublic?: boolean }, what: string, assignedToDepartment = false) {
  if (!canSeeRegionRecord(actor, record, assignedToDepartment)) throw notFoundOrNoAccess(what);
}

/** Layers carry an optional list of roles that may see them; empty means every logged-in user with layers.read. */
export function canSeeLayer(actor: Actor, layer: { visibleToRoles: string[] }) {
  if (!can(actor, 'layers.read')) return false;
  return layer.visibleToRoles.length === 0 || actor.roles.some((r) => layer.visibleToRoles.includes(r.key));
}

/**
 * A saved siting report: its author always; otherwise someone who uses siting or reads projects and may
 * see records of the report's county (a department: the reports of rounds it reviews). A report without a county (a site in no county-level unit) is
 * city-level: city scope only.
 */
export function canReadSitingReport(actor: Actor, report: { regionId: number | null; createdBy: number | null; assignedToDepartment?: boolean }) {
  if (report.createdBy === actor.id) return true;
  if (!can(actor, 'siting.use') && !can(actor, 'projects.read')) return false;
  if (report.regionId === null) return actor.scope === 'city';
  return canSeeRegionRecord(actor, { regionId: report.regionId }, report.assignedToDepartment ?? false);
}
