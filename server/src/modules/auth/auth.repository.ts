import type { Knex } from 'knex';
import { sqlFile } from '../../db/sql-file.ts';

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  status: 'active' | 'disabled';
  failed_logins: number;
  locked_until: Date | null;
  region_id: number | null;
  department_id: number | null;
  must_change_password: boolean;
  password_changed_at: Date;
}

export interface RoleRow {
  key: string;
  name: string;
  scope_kind: 'city' | 'county' | 'department';
  permissions: string[];
}

export const findUserByUsername = (db: Knex, username: string): Promise<UserRow | undefined> =>
  db('users').whereRaw('lower(username) = lower(?)', [username]).first();


export const rolesOfUser = (db: Knex, userId: number): Promise<RoleRow[]> =>
  db('roles')
    .join('user_roles', 'user_roles.role_key', 'roles.key')
    .where('user_roles.user_id', userId)
    .orderBy('roles.sort_order')
    .select('roles.key', 'roles.name', 'roles.scope_kind', 'roles.permissions');

export async function homeOfUser(db: Knex, user: UserRow) {
  const region = user.region_id ? await db('regions').where({ id: user.region_id }).first('code', 'name') : undefined;
  const department = user.department_id ? await db('departments').where({ id: user.department_id }).first('code', 'name') : undefined;
  return { region, department };
}

/**
 * Claims one password guess before it is verified, in one conditional UPDATE: the row lock serialises
 * parallel logins on any number of app processes, so at most `maxFailures` guesses are ever verified per
 * lock window. An expired lock restarts the count. Undefined: the account is locked now.
 */
export async function claimLoginAttempt(db: Knex, userId: number): Promise<number | undefined> {
  const [row] = await db('users')
    .where({ id: userId })
    .andWhere((q) => q.whereNull('locked_until').orWhere('locked_until', '<=', db.fn.now()))
    .update({
      failed_logins: db.raw('case when locked_until is not null then 1 else failed_logins + 1 end'),
      locked_until: null,
    })
    .returning(['failed_logins']);
  return row?.failed_logins;
}

/** Locks the account for `lockMinutes` unless a lock is already running; returns the lock's end. */
export async function lockAccount(db: Knex, userId: number, lockMinutes: number): Promise<Date> {
  await db('users')
    .where({ id: userId })
    .andWhere((q) => q.whereNull('locked_until').orWhere('locked_until', '<=', db.fn.now()))
    .update({ locked_until: db.raw('now() + make_interval(mins => ?)', [lockMinutes]) });
  return lockedUntil(db, userId) as Promise<Date>;
}

export const lockedUntil = async (db: Knex, userId: number): Promise<Date | null> =>
  ((await db('users').where({ id: userId }).first('locked_until')) as { locked_until: Date | null }).locked_until;

/** A verified password clears the count, unless a lock was set meanwhile (then the login is refused). */
export async function clearFailedLoginsUnlessLocked(db: Knex, userId: number): Promise<boolean> {
  const rows = await db('users')
    .where({ id: userId })
    .andWhere((q) => q.whereNull('locked_until').orWhere('locked_until', '<=', db.fn.now()))
    .update({ failed_logins: 0, locked_until: null })
    .returning(['id']);
  return rows.length === 1;
}

export const revokeSessionByHash = (db: Knex, idHash: string) =>
  db('sessions').where({ id_hash: idHash }).whereNull('revoked_at').update({ revoked_at: db.fn.now() });

export const insertSession = (db: Knex, row: { id_hash: string; user_id: number; expires_at: Date; ip: string | null; user_agent: string | null }) =>
  db('sessions').insert(row);

export const touchSession = (db: Knex, idHash: string) => db('sessions').where({ id_hash: idHash }).update({ last_seen_at: db.fn.now() });

export const revokeSession = (db: Knex, idHash: string) =>
  db('sessions').where({ id_hash: idHash }).whereNull('revoked_at').update({ revoked_at: db.fn.now() });

export const revokeSessionsOfUser = (db: Knex, userId: number) =>
  db('sessions').where({ user_id: userId }).whereNull('revoked_at').update({ revoked_at: db.fn.now() });

export interface LiveSessionActorRow extends UserRow {
  last_seen_at: Date;
  region_code: string | null;
  region_name: string | null;
  department_code: string | null;
  department_name: string | null;
  roles: RoleRow[];
}

/** The live session's user with roles and home, in one statement (see the SQL file). */
export async function findLiveSessionActor(db: Knex, idHash: string, idleMinutes: number): Promise<LiveSessionActorRow | undefined> {
  const r = await db.raw(sqlFile(import.meta.url, 'live-session-actor.sql'), { idHash, idleMinutes });
  return r.rows[0];
}
