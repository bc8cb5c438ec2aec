import { Router } from 'express';
import { loginRequestSchema } from '../../../../common/src/auth.ts';
import type { Config } from '../../config/config.ts';
import { parseOr400 } from '../../http/validate.ts';
import { SESSION_COOKIE, actorOf, requestMeta, requireLogin, setSessionCookie } from '../../http/session.middleware.ts';
import { toAuthUser } from '../../policy/actor.ts';
import type { AuthService } from './auth.service.ts';

export function authRoutes(auth: AuthService, session: Config['session']) {
  const r = Router();

  r.post('/login', async (req, res) => {
    const body = parseOr400(loginRequestSchema, req.body ?? {});
    const previous = req.cookies?.[SESSION_COOKIE];
    const { token, actor, expiresAt } = await auth.login(body.username, body.password, requestMeta(req), typeof previous === 'string' ? previous : undefined);
    setSessionCookie(res, token, expiresAt, session);
    res.json({ user: toAuthUser(actor) });
  });

  r.get('/me', requireLogin, (req, res) => {
    res.json({ user: toAuthUser(actorOf(req)) });
  });

  r.post('/logout', requireLogin, async (req, res) => {
    await auth.logout(actorOf(req), requestMeta(req));
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  r.post('/logout-all', requireLogin, async (req, res) => {
    await auth.logoutEverywhere(actorOf(req), requestMeta(req));
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  return r;
}
