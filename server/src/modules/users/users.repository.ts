import type { Knex } from 'knex';
import type { ManagedUser, RoleOption, UserSession } from '../../../../common/src/users.ts';
import { escapeLike } from '../../db/like.ts';

/** Every query of 用户管理. */

interface UserListRow {
  id: number;
  username: string;
  display_name: string;
  status: 'active' | 'disabled';
  region_code: string | null;
  region_name: string | null;
  department_code: string | null;
  department_name: string | null;
  locked_until: Date | null;
  must_change_password: boolean;
  password_changed_at: Date;
  created_at: Date;
  last_login_at: Date | null;
  live_sessions: number;
  roles: { key: string; name: string; duty: 'system' | 'security' | 'audit' | null }[];
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

function toManagedUser(r: UserListRow): ManagedUser {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    status: r.status,
    region: r.region_code ? { code: r.region_code, name: r.region_name! } : null,
    department: r.department_code ? { code: r.department_code, name: r.department_name! } : null,
    roles: r.roles,
    lockedUntil: r.locked_until && new Date(r.locked_until).getTime() > Date.now() ? iso(r.locked_until) : null,
    mustChangePassword: r.must_change_password,
    passwordChangedAt: iso(r.password_changed_at)!,
    createdAt: iso(r.created_at)!,
    lastLoginAt: iso(r.last_login_at),
    liveSessions: Number(r.live_sessions),
  };
}

function usersQuery(db: Knex) {
  return db('users as u')
    .leftJoin('regions as r', 'r.id', 'u.region_id')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .select(
      'u.id',
      'u.username',
      'u.display_name',
      'u.status',
      'u.locked_until',
      'u.must_change_password',
      'u.password_changed_at',
      'u.created_at',
      'r.code as region_code',
      'r.name as region_name',
      'd.code as department_code',
      'd.name as department_name',
      db.raw(`(select max(s.created_at) from sessions s where s.user_id = u.id) as last_login_at`),
      db.raw(`(select count(*)::int from sessions s where s.user_id = u.id and s.revoked_at is null and s.expires_at > now()) as live_sessions`),
      db.raw(`coalesce((select json_agg(json_build_object('key', ro.key, 'name', ro.name, 'duty', ro.duty) order by ro.sort_order)
                        from user_roles ur join roles ro on ro.key = ur.role_key where ur.user_id = u.id), '[]'::json) as roles`),
    );
}

export async function listUsers(db: Knex, filter: { q?: string; role?: string; status?: string }): Promise<ManagedUser[]> {
  const q = usersQuery(db).orderBy('u.username');
  if (filter.q) {
    const like = `%${escapeLike(filter.q)}%`;
    q.where((w) => w.whereRaw(`u.username ilike ? escape '\\'`, [like]).orWhereRaw(`u.display_name ilike ? escape '\\'`, [like]));
  }
  if (filter.role) q.whereExists(db('user_roles').whereRaw('user_roles.user_id = u.id').where('user_roles.role_key', filter.role));
  if (filter.status) q.where('u.status', filter.status);
  return ((await q) as UserListRow[]).map(toManagedUser);
}

export async function findUser(db: Knex, id: number): Promise<ManagedUser | undefined> {
  const row = (await usersQuery(db).where('u.id', id).first()) as UserListRow | undefined;
  return row && toManagedUser(row);
}

export const usernameTaken = async (db: Knex, username: string) => !!(await db('users').whereRaw('lower(username) = lower(?)', [username]).first('id'));

export const roleOptions = async (db: Knex): Promise<RoleOption[]> =>
  (await db('roles').orderBy('sort_order').select('key', 'name', 'description', 'scope_kind', 'duty')).map(
    (r: { key: string; name: string; description: string; scope_kind: RoleOption['scopeKind']; duty: RoleOption['duty'] }) => ({
      key: r.key,
      name: r.name,
      description: r.description,
      scopeKind: r.scope_kind,
      duty: r.duty,
    }),
  );

export const regionOptions = (db: Knex): Promise<{ code: string; name: string; level: string }[]> => db('regions').orderBy('code').select('code', 'name', 'level');
export const departmentOptions = (db: Knex): Promise<{ code: string; name: string }[]> => db('departments').orderBy('id').select('code', 'name');

export const regionIdOf = async (db: Knex, code: string): Promise<number | undefined> => (await db('regions').where({ code }).first('id'))?.id;
export const departmentIdOf = async (db: Knex, code: string): Promise<number | undefined> => (await db('departments').where({ code }).first('id'))?.id;

export async function insertUser(db: Knex, row: { username: string; display_name: string; password_hash: string; region_id: number | null; department_id: number | null; status: string }) {
  const [user] = await db('users').insert({ ...row, must_change_password: true }).returning('id');
  return user.id as number;
}

export const updateUser = (db: Knex, id: number, row: { display_name: string; region_id: number | null; department_id: number | null; status: string }) =>
  db('users').where({ id }).update(row);

export async function setRoles(db: Knex, userId: number, roles: string[]) {
  await db('user_roles').where({ user_id: userId }).delete();
  if (roles.length) await db('user_roles').insert(roles.map((role_key) => ({ user_id: userId, role_key })));
}

/** Sets a new password hash and keeps the previous one in the history (the last five are kept). */
export async function setPassword(db: Knex, userId: number, passwordHash: string, mustChange: boolean) {
  const previous = await db('users').where({ id: userId }).first('password_hash');
  if (previous) await db('password_history').insert({ user_id: userId, password_hash: previous.password_hash });
  const keep = await db('password_history').where({ user_id: userId }).orderBy('id', 'desc').limit(5).pluck('id');
  await db('password_history').where({ user_id: userId }).whereNotIn('id', keep).delete();
  await db('users')
    .where({ id: userId })
    .update({ password_hash: passwordHash, must_change_password: mustChange, password_changed_at: db.fn.now(), failed_logins: 0, locked_until: null });
}

/** The current hash and the last five before it. */
export async function recentPasswordHashes(db: Knex, userId: number): Promise<string[]> {
  const current = await db('users').where({ id: userId }).first('password_hash');
  const history: string[] = await db('password_history').where({ user_id: userId }).orderBy('id', 'desc').limit(5).pluck('password_hash');
  return [current?.password_hash as string | undefined, ...history].filter((h): h is string => !!h);
}

export async function liveSessions(db: Knex, userId: number): Promise<UserSession[]> {
  const rows = await db('sessions')
    .where({ user_id: userId })
    .whereNull('revoked_at')
    .where('expires_at', '>', db.fn.now())
    .orderBy('last_seen_at', 'desc')
    .select('id_hash', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent');
  return rows.map((s: { id_hash: string; created_at: Date; last_seen_at: Date; expires_at: Date; ip: string | null; user_agent: string | null }) => ({
    id: s.id_hash.slice(0, 16),
    createdAt: iso(s.created_at)!,
    lastSeenAt: iso(s.last_seen_at)!,
    expiresAt: iso(s.expires_at)!,
    ip: s.ip,
    userAgent: s.user_agent,
  }));
}

/** Ends one session (by its 16-digit id) or all of a user's (but `keepHash`); returns how many ended. */
export async function endSessions(db: Knex, userId: number, sessionId?: string, keepHash?: string): Promise<number> {
  const q = db('sessions').where({ user_id: userId }).whereNull('revoked_at');
  if (sessionId) q.whereRaw('left(id_hash, 16) = ?', [sessionId]);
  if (keepHash) q.whereNot({ id_hash: keepHash });
  return q.update({ revoked_at: db.fn.now() });
}
