import type { Knex } from 'knex';

type Db = Knex | Knex.Transaction;

export interface Recipient {
  userId: number;
  departmentId: number | null;
}

/** A user's own notifications and those addressed to their department. */
const addressedTo = (db: Db, r: Recipient) => db('notifications').where((w) => w.where('user_id', r.userId).orWhere('department_id', r.departmentId ?? -1));

export async function insertNotification(trx: Knex.Transaction, n: { userId?: number | null; departmentId?: number | null; kind: string; title: string; link: string }) {
  if (!n.userId && !n.departmentId) return;
  await trx('notifications').insert({ user_id: n.userId ?? null, department_id: n.userId ? null : n.departmentId, kind: n.kind, title: n.title, link: n.link });
}

export async function listNotifications(db: Db, r: Recipient, limit: number) {
  return addressedTo(db, r).orderBy('id', 'desc').limit(limit).select('id', 'kind', 'title', 'link', 'created_at', 'read_at');
}

/** Marks unread notifications read: the given ids, or all of the recipient's. Returns how many. */
export async function markNotificationsRead(db: Db, r: Recipient, ids: number[] | undefined): Promise<number> {
  const q = addressedTo(db, r).whereNull('read_at');
  if (ids) q.whereIn('id', ids);
  return q.update({ read_at: db.fn.now() });
}

/** A department's open review tasks due on or before a day (computed when asked, not stored). */
export async function tasksDueBy(db: Db, departmentId: number, day: string): Promise<{ id: number; deadline: string; name: string }[]> {
  return db('consultation_tasks as t')
    .join('consultation_rounds as c', 'c.id', 't.round_id')
    .join('projects as p', 'p.id', 'c.project_id')
    .where({ 't.department_id': departmentId, 'c.status': 'open' })
    .whereNull('t.answered_at')
    .where('t.deadline', '<=', day)
    .select('t.id', 't.deadline', 'p.name');
}
