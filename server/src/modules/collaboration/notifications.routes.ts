import { Router } from 'express';
import { notificationsReadBody } from '../../../../common/src/contract/collaboration.contract.ts';
import { actorOf, requireLogin } from '../../http/session.middleware.ts';
import { parseOr400 } from '../../http/validate.ts';
import type { NotificationsService } from './notifications.service.ts';

export function notificationsRoutes(notifications: NotificationsService) {
  const r = Router();
  r.use(requireLogin);
  r.post('/read', async (req, res) => {
    const { ids } = parseOr400(notificationsReadBody, req.body ?? {});
    res.json(await notifications.markRead(actorOf(req), ids));
  });
  r.get('/', async (req, res) => {
    res.json(await notifications.list(actorOf(req)));
  });
  return r;
}
