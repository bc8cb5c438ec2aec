import type { Knex } from 'knex';
import { chinaToday } from '../../../../common/src/working-days.ts';
import type { Actor } from '../../policy/actor.ts';
import { insertNotification, listNotifications, markNotificationsRead, tasksDueBy } from './notifications.repository.ts';

export interface NotificationItem {
  id: number;
  kind: string;
  title: string;
  link: string;
  createdAt: string;
  read: boolean;
}

/** In-app notifications of the caller: their own and their department's, newest first. */
export class NotificationsService {
  constructor(private readonly db: Knex) {}

  async list(actor: Actor): Promise<NotificationItem[]> {
    const recipient = { userId: actor.id, departmentId: actor.departmentId };
    const tomorrow = chinaToday(new Date(Date.now() + 86_400_000));
    const [rows, due] = await Promise.all([
      listNotifications(this.db, recipient, 100),
      actor.departmentId ? tasksDueBy(this.db, actor.departmentId, tomorrow) : [],
    ]);
    return [
      // Deadlines near: negative ids, since these are not stored notifications.
      ...due.map((t) => ({ id: -t.id, kind: 'task.due', title: `审查任务即将或已经到期：${t.name}（期限 ${String(t.deadline).slice(0, 10)}）`, link: `/tasks/${t.id}`, createdAt: new Date().toISOString(), read: false })),
      ...rows.map((n) => ({ id: n.id, kind: n.kind, title: n.title, link: n.link, createdAt: new Date(n.created_at).toISOString(), read: n.read_at !== null })),
    ];
  }

  /** Sends a notification in the caller's transaction, to a user or (without one) to a department. */
  async notify(trx: Knex.Transaction, n: { userId?: number | null; departmentId?: number | null; kind: string; title: string; link: string }): Promise<void> {
    await insertNotification(trx, n);
  }

  /** Marks the caller's (and their department's) notifications read: the given ids, or all. */
  async markRead(actor: Actor, ids: number[] | undefined): Promise<{ marked: number }> {
    return { marked: await markNotificationsRead(this.db, { userId: actor.id, departmentId: actor.departmentId }, ids?.filter((id) => id > 0)) };
  }
}
