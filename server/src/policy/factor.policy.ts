import { HttpErrors } from '../../../common/src/contract/http.errors.ts';
import { FACTOR_KEYS, POLLUTANTS, type FactorKey, type OwnerKind } from '../../../common/src/factors.ts';
import { AppError, notFoundOrNoAccess } from '../http/app-error.ts';
import { assertCan } from './access.policy.ts';
import type { Actor } from './actor.ts';

/**
 * Who may read and move factors (Art. 14-20). The role permissions factors.read / factors.manage come from
 * the roles table; this file narrows them by scope:
 * - city scope (市指挥部, 市领导): every account. The city command manages all of them (it runs the city pool
 *   and the allocation); the leader only holds factors.read.
 * - county scope (县级谋划人员): reads the external, city, county and zone accounts (to find partners for
 *   调剂 / 拆借) and the project accounts of its own county; moves only out of its own county's accounts
 *   and its own county's project accounts (统筹 to the city, 调剂, 拆借 and 归还, 分配, 收回).
 * - department scope (reviewers): the department that answers for a factor reads and moves that factor
 *   everywhere — 自然资源和规划局 the land quotas, 生态环境局 the pollutant totals, 发展改革委 energy and
 *   coal, 财政局 funds; other departments see no factor accounts.
 */
export const DEPARTMENT_FACTORS: Record<string, readonly FactorKey[]> = {
  zrzy: ['land', 'farmland_balance'],
  sthj: POLLUTANTS,
  fgw: ['energy', 'coal'],
  czj: ['funds'],
};

/** What the policy needs to know about an account. */
export interface AccountScope {
  factor: FactorKey;
  ownerKind: OwnerKind;
  regionId: number | null;
  /** The county of the project for project accounts. */
  projectRegionId: number | null;
}

/** Factors the actor may see at all. */
export function visibleFactors(actor: Actor): readonly FactorKey[] {
  if (!actor.permissions.has('factors.read')) return [];
  if (actor.scope === 'department') return DEPARTMENT_FACTORS[actor.departmentCode ?? ''] ?? [];
  return FACTOR_KEYS;
}

/**
 * A filter the repository turns into SQL: factors the actor may see, and for county users the county
 * whose project accounts they may see (other counties' projects stay hidden).
 */
export function accountVisibility(actor: Actor): { factors: readonly FactorKey[]; projectRegionId: number | null } {
  return { factors: visibleFactors(actor), projectRegionId: actor.scope === 'county' ? (actor.regionId ?? -1) : null };
}

export function canSeeAccount(actor: Actor, a: AccountScope): boolean {
  if (!visibleFactors(actor).includes(a.factor)) return false;
  if (actor.scope === 'county' && a.ownerKind === 'project') return a.projectRegionId === actor.regionId;
  return true;
}

/** May the actor debit this account (the side that gives)? */
export function canDebit(actor: Actor, a: AccountScope): boolean {
  if (!actor.permissions.has('factors.manage') || !canSeeAccount(actor, a)) return false;
  if (actor.scope === 'city' || actor.scope === 'department') return true;
  if (a.ownerKind === 'county') return a.regionId === actor.regionId;
  if (a.ownerKind === 'project') return a.projectRegionId === actor.regionId;
  return false;
}

export function assertCanPost(actor: Actor, from: AccountScope & { label: string }, to: AccountScope & { label: string }) {
  assertCan(actor, 'factors.manage', '要素台账记账');
  // An account the actor may not see answers like one that does not exist, without its name.
  if (!canSeeAccount(actor, from) || !canSeeAccount(actor, to)) throw notFoundOrNoAccess('账户');
  if (!canDebit(actor, from)) throw new AppError(403, HttpErrors.FORBIDDEN, `您无权从“${from.label}”转出指标`);
}

/** Pooling rules change the city's policy: only the city command. */
export function assertCanManageRules(actor: Actor) {
  assertCan(actor, 'factors.manage', '要素统筹规则');
  if (actor.scope !== 'city') throw new AppError(403, HttpErrors.FORBIDDEN, '只有市指挥部可以修改要素统筹规则');
}
