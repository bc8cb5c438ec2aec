import { randomInt } from 'node:crypto';
import type { Knex } from 'knex';
import { passwordProblem } from '../../../../common/src/auth.ts';
import { AuthErrors } from '../../../../common/src/contract/auth.errors.ts';
import { UsersErrors } from '../../../../common/src/contract/users.errors.ts';
import type { ManagedUser, OneTimePassword, RoleOption, UserCreate, UserFormOptions, UserSession, UserUpdate } from '../../../../common/src/users.ts';
import { AppError, badRequest, conflict, notFoundOrNoAccess } from '../../http/app-error.ts';
import type { Actor } from '../../policy/actor.ts';
import { assertCan } from '../../policy/access.policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import * as repo from './users.repository.ts';

const DUTY_NAMES = { system: '系统管理员', security: '安全管理员', audit: '安全审计员' } as const;

/**
 * 用户管理 for the security administrator (users.manage): accounts, roles, one-time passwords and
 * sessions, with 三权分立 enforced here (an account holds at most one of the three duties; nobody changes
 * their own roles or status) and every change on the audit trail with before/after.
 */
export class UsersService {
  constructor(private readonly db: Knex) {}

  /** What the account form offers: roles (with their duty), regions and departments. */
  async options(actor: Actor): Promise<UserFormOptions> {
    assertCan(actor, 'users.manage', '用户管理');
    return { roles: await repo.roleOptions(this.db), regions: await repo.regionOptions(this.db), departments: await repo.departmentOptions(this.db) };
  }

  async list(actor: Actor, filter: { q?: string; role?: string; status?: string }): Promise<ManagedUser[]> {
    assertCan(actor, 'users.manage', '用户管理');
    return repo.listUsers(this.db, filter);
  }

  async get(actor: Actor, id: number): Promise<ManagedUser> {
    assertCan(actor, 'users.manage', '用户管理');
    return this.mustFind(this.db, id);
  }

  async create(actor: Actor, input: UserCreate, ip: string | null): Promise<OneTimePassword> {
    assertCan(actor, 'users.manage', '用户管理');
    const oneTimePassword = generatePassword();
    const passwordHash = await hashPassword(oneTimePassword);
    return this.db.transaction(async (trx) => {
      if (await repo.usernameTaken(trx, input.username)) throw conflict(`用户名 ${input.username} 已被使用`, undefined, UsersErrors.USERNAME_TAKEN);
      const home = await this.checkedHome(trx, input, await this.checkRoles(trx, input.roles));
      const id = await repo.insertUser(trx, { username: input.username, display_name: input.displayName, password_hash: passwordHash, ...home, status: input.enabled ? 'active' : 'disabled' });
      await repo.setRoles(trx, id, input.roles);
      const user = await this.mustFind(trx, id);
      await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: 'user.create', entityKind: 'user', entityId: id, detail: { after: snapshot(user) }, ip });
      return { user, oneTimePassword };
    });
  }

  async update(actor: Actor, id: number, input: UserUpdate, ip: string | null): Promise<ManagedUser> {
    assertCan(actor, 'users.manage', '用户管理');
    return this.db.transaction(async (trx) => {
      const before = await this.mustFind(trx, id);
      const rolesChanged = [...before.roles.map((r) => r.key)].sort().join() !== [...input.roles].sort().join();
      const statusChanged = (before.status === 'active') !== input.enabled;
      if (id === actor.id && (rolesChanged || statusChanged)) throw new AppError(403, UsersErrors.SELF_CHANGE, '不能修改自己的角色或启用状态（三权分立），请由另一名安全管理员办理');
      const home = await this.checkedHome(trx, input, await this.checkRoles(trx, input.roles));
      await repo.updateUser(trx, id, { display_name: input.displayName, ...home, status: input.enabled ? 'active' : 'disabled' });
      if (rolesChanged) await repo.setRoles(trx, id, input.roles);
      // A disabled account loses its sessions at once.
      if (!input.enabled) await repo.endSessions(trx, id);
      const after = await this.mustFind(trx, id);
      await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: 'user.update', entityKind: 'user', entityId: id, detail: { before: snapshot(before), after: snapshot(after) }, ip });
      return after;
    });
  }

  /** A one-time password the user must change at the next login; their sessions end. */
  async resetPassword(actor: Actor, id: number, ip: string | null): Promise<OneTimePassword> {
    assertCan(actor, 'users.manage', '用户管理');
    if (id === actor.id) throw new AppError(403, UsersErrors.SELF_CHANGE, '不能重置自己的密码，请在“修改密码”中修改');
    const oneTimePassword = generatePassword();
    const passwordHash = await hashPassword(oneTimePassword);
    return this.db.transaction(async (trx) => {
      await this.mustFind(trx, id);
      await repo.setPassword(trx, id, passwordHash, true);
      const ended = await repo.endSessions(trx, id);
      const user = await this.mustFind(trx, id);
      await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: 'user.password_reset', entityKind: 'user', entityId: id, detail: { sessionsEnded: ended }, ip });
      return { user, oneTimePassword };
    });
  }

  async sessions(actor: Actor, id: number): Promise<UserSession[]> {
    assertCan(actor, 'users.manage', '用户管理');
    await this.mustFind(this.db, id);
    return repo.liveSessions(this.db, id);
  }

  async endSessions(actor: Actor, id: number, sessionId: string | undefined, ip: string | null): Promise<{ ended: number }> {
    assertCan(actor, 'users.manage', '用户管理');
    return this.db.transaction(async (trx) => {
      await this.mustFind(trx, id);
      const ended = await repo.endSessions(trx, id, sessionId);
      if (sessionId && ended === 0) throw notFoundOrNoAccess('会话');
      await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: 'user.sessions_end', entityKind: 'user', entityId: id, detail: { session: sessionId ?? 'all', ended }, ip });
      return { ended };
    });
  }

  /** The user's own change: current password, the policy, not one of the last five. Ends their other sessions. */
  async changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string, ip: string | null) {
    const hashes = await repo.recentPasswordHashes(this.db, actor.id);
    if (!hashes[0] || !(await verifyPassword(hashes[0], currentPassword))) throw badRequest('当前密码不正确', undefined, AuthErrors.BAD_CURRENT_PASSWORD);
    const problem = passwordProblem(newPassword, actor.username);
    if (problem) throw badRequest(problem, undefined, AuthErrors.WEAK_PASSWORD);
    for (const h of hashes) if (await verifyPassword(h, newPassword)) throw badRequest('新密码不能与最近 5 次使用过的密码相同', undefined, AuthErrors.PASSWORD_REUSED);
    const passwordHash = await hashPassword(newPassword);
    await this.db.transaction(async (trx) => {
      await repo.setPassword(trx, actor.id, passwordHash, false);
      await repo.endSessions(trx, actor.id, undefined, actor.sessionHash);
      await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: 'auth.password_change', entityKind: 'user', entityId: actor.id, ip });
    });
  }

  private async mustFind(db: Knex, id: number): Promise<ManagedUser> {
    const user = await repo.findUser(db, id);
    if (!user) throw notFoundOrNoAccess('用户');
    return user;
  }

  /** The home region / department; a county role needs its county, a department role its department. */
  private async checkedHome(db: Knex, input: UserUpdate, roles: RoleOption[]) {
    const county = roles.find((r) => r.scopeKind === 'county');
    if (county && !input.regionCode) throw badRequest(`角色“${county.name}”须指定所属县（市、区）`, undefined, UsersErrors.NO_REGION);
    const department = roles.find((r) => r.scopeKind === 'department');
    if (department && !input.departmentCode) throw badRequest(`角色“${department.name}”须指定所属部门`, undefined, UsersErrors.NO_DEPARTMENT);
    const region_id = input.regionCode ? await repo.regionIdOf(db, input.regionCode) : null;
    if (region_id === undefined) throw badRequest(`行政区划代码 ${input.regionCode} 不存在`, undefined, UsersErrors.UNKNOWN_REGION);
    const department_id = input.departmentCode ? await repo.departmentIdOf(db, input.departmentCode) : null;
    if (department_id === undefined) throw badRequest(`部门代码 ${input.departmentCode} 不存在`, undefined, UsersErrors.UNKNOWN_DEPARTMENT);
    return { region_id, department_id };
  }

  /** Known roles; at most one of the three duties (三权分立); a scoped role needs its home. */
  private async checkRoles(db: Knex, roles: string[]) {
    const options = await repo.roleOptions(db);
    const chosen = [...new Set(roles)].map((key) => {
      const role = options.find((o) => o.key === key);
      if (!role) throw badRequest(`角色 ${key} 不存在`, undefined, UsersErrors.UNKNOWN_ROLE);
      return role;
    });
    const duties = chosen.filter((r) => r.duty);
    if (duties.length > 1) {
      throw badRequest(`三权分立：${duties.map((r) => DUTY_NAMES[r.duty!]).join('、')}不能由同一账号兼任`, undefined, UsersErrors.SEPARATION_OF_DUTIES);
    }
    return chosen;
  }
}

function snapshot(u: ManagedUser) {
  return { displayName: u.displayName, status: u.status, region: u.region?.code ?? null, department: u.department?.code ?? null, roles: u.roles.map((r) => r.key) };
}

/** 12 characters from an alphabet without look-alikes, always of all four classes. */
export function generatePassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#%+=?@'];
  const all = sets.join('');
  const chars = sets.map((s) => s[randomInt(s.length)]!);
  while (chars.length < 12) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
