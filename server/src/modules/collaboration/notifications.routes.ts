import { Router } from 'express';
import { z } from 'zod';
import { actorOf, requireLogin } from '../../http/session.middleware.ts';
import { parseOr400 } from '../../http/validate.ts';
import type { NotificationsService } from './notifications.service.ts';

const readBody = z.object({ ids: z.array(z.number().int(), { error: 'ids 须为通知编号列表' }).max(500).optional() }, { error: '请求内容须为 JSON 对象' });

export function notificationsRoutes(notifications: NotificationsService) {
  const r = Router();
  r.use(requireLogin);
  r.post('/read', async (req, res) => {
    const { ids } = parseOr400(readBody, req.body ?? {});
    res.json(await notifications.markRead(actorOf(req), ids));
  });
  r.get('/', async (req, res) => {
    res.json(await notifications.list(actorOf(req)));
  });
  return r;
}
