import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { AuthErrors } from '../../../../common/src/contract/auth.errors.ts';
import type { Config } from '../../config/config.ts';
import { AppError, tooManyRequests, unauthorized } from '../../http/app-error.ts';
import type { Actor } from '../../policy/actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import * as repo from './auth.repository.ts';
import { verifyDummy, verifyPassword } from './password.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 10;
// last_seen_at is refreshed at most this often: one write per minute per session, not per request.
const TOUCH_INTERVAL_MS = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** One answer for an unknown user and a wrong password: the login does not reveal which accounts exist. */
const BAD_CREDENTIALS_MESSAGE = '用户名或密码错误';

function lockedError(until: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return tooManyRequests(`连续 ${MAX_FAILED_LOGINS} 次密码错误，账号已锁定，请 ${minutes} 分钟后再试`, AuthErrors.ACCOUNT_LOCKED);
}

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export class AuthService {
  constructor(
    private readonly db: Knex,
    private readonly session: Config['session'],
  ) {}

  /**
   * Returns the cookie token of a new session; a new id on every login (no fixation), and the session
   * of the token the browser sent before (if any) ends. Unknown users and wrong passwords get the same
   * answer; each guess is claimed in the database before the (slow) hash check, so parallel guessing
   * verifies at most MAX_FAILED_LOGINS passwords per lock window.
   */
  async login(username: string, password: string, meta: RequestMeta, previousToken?: string): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
    const user = await repo.findUserByUsername(this.db, username);
    if (!user) {
      await verifyDummy(password);
      await recordAudit(this.db, { actorUsername: username.slice(0, 32), action: 'auth.login_failed', detail: { reason: 'unknown_user' }, ip: meta.ip });
      throw unauthorized(BAD_CREDENTIALS_MESSAGE, AuthErrors.BAD_CREDENTIALS);
    }
    const attempt = await repo.claimLoginAttempt(this.db, user.id);
    if (attempt === undefined) throw lockedError((await repo.lockedUntil(this.db, user.id)) ?? new Date());
    if (attempt > MAX_FAILED_LOGINS) throw lockedError(await repo.lockAccount(this.db, user.id, LOCK_MINUTES));
    if (!(await verifyPassword(user.password_hash, password))) {
      await recordAudit(this.db, { actorId: user.id, actorUsername: user.username, action: 'auth.login_failed', detail: { reason: 'bad_password', attempt }, ip: meta.ip });
      if (attempt === MAX_FAILED_LOGINS) {
        await repo.lockAccount(this.db, user.id, LOCK_MINUTES);
        throw tooManyRequests(`连续 ${MAX_FAILED_LOGINS} 次密码错误，账号已锁定 ${LOCK_MINUTES} 分钟`, AuthErrors.ACCOUNT_LOCKED);
      }
      throw unauthorized(BAD_CREDENTIALS_MESSAGE, AuthErrors.BAD_CREDENTIALS);
    }
    if (user.status !== 'active') throw new AppError(403, AuthErrors.ACCOUNT_DISABLED, '账号已停用，请联系安全管理员');

    const token = randomBytes(32).toString('base64url');
    const idHash = hashToken(token);
    const expiresAt = new Date(Date.now() + this.session.maxHours * 3_600_000);
    await this.db.transaction(async (trx) => {
      // A lock set by a parallel guess while this password was being checked wins.
      if (!(await repo.clearFailedLoginsUnlessLocked(trx, user.id))) throw lockedError((await repo.lockedUntil(trx, user.id)) ?? new Date());
      if (previousToken) await repo.revokeSessionByHash(trx, hashToken(previousToken));
      await repo.insertSession(trx, { id_hash: idHash, user_id: user.id, expires_at: expiresAt, ip: meta.ip, user_agent: meta.userAgent?.slice(0, 256) ?? null });
      await recordAudit(trx, { actorId: user.id, actorUsername: user.username, action: 'auth.login', ip: meta.ip });
    });
    return { token, actor: await this.buildActor(user, idHash), expiresAt };
  }

  /** The actor behind a cookie token, or undefined when the session is unknown, ended or idle too long. */
  async resolve(token: string): Promise<Actor | undefined> {
    const idHash = hashToken(token);
    // One statement per request for session, user, roles and home (it precedes every API call).
    const row = await repo.findLiveSessionActor(this.db, idHash, this.session.idleMinutes);
    if (!row) return undefined;
    if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) await repo.touchSession(this.db, idHash);
    const home = {
      region: row.region_code ? { code: row.region_code, name: row.region_name! } : undefined,
      department: row.department_code ? { code: row.department_code, name: row.department_name! } : undefined,
    };
    return { ...actorOf(row, row.roles, home, idHash), mustChangePassword: this.mustChange(row) };
  }

  /** A one-time password, or one older than the configured maximum age (0: passwords do not expire). */
  private mustChange(user: repo.UserRow): boolean {
    if (user.must_change_password) return true;
    const maxDays = this.session.passwordMaxDays;
    return maxDays > 0 && Date.now() - new Date(user.password_changed_at).getTime() > maxDays * 86_400_000;
  }

  async logout(actor: Actor, meta: RequestMeta) {
    await this.db.transaction(async (trx) => {
      await repo.revokeSession(trx, actor.sessionHash);
      await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: 'auth.logout', ip: meta.ip });
    });
  }

  /** 退出所有设备: ends every session of the user, this one included. */
  async logoutEverywhere(actor: Actor, meta: RequestMeta) {
    await this.db.transaction(async (trx) => {
      const count = await repo.revokeSessionsOfUser(trx, actor.id);
      await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: 'auth.logout_all', detail: { sessions: count }, ip: meta.ip });
    });
  }

  private async buildActor(user: repo.UserRow, sessionHash: string): Promise<Actor> {
    const roles = await repo.rolesOfUser(this.db, user.id);
    return { ...actorOf(user, roles, await repo.homeOfUser(this.db, user), sessionHash), mustChangePassword: this.mustChange(user) };
  }
}

function actorOf(
  user: repo.UserRow,
  roles: repo.RoleRow[],
  { region, department }: { region?: { code: string; name: string }; department?: { code: string; name: string } },
  sessionHash: string,
): Actor {
  // The broadest scope among the user's roles bounds what they may see.
  const scope = roles.some((r) => r.scope_kind === 'city') ? 'city' : roles.some((r) => r.scope_kind === 'county') ? 'county' : 'department';
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    roles: roles.map((r) => ({ key: r.key, name: r.name })),
    permissions: new Set(roles.flatMap((r) => r.permissions)),
    scope,
    regionId: user.region_id,
    regionCode: region?.code ?? null,
    regionName: region?.name ?? null,
    departmentId: user.department_id,
    departmentCode: department?.code ?? null,
    departmentName: department?.name ?? null,
    sessionHash,
  };
}
