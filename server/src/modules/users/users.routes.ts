import { Router } from 'express';
import { passwordChangeSchema, userCreateSchema, userListQuery, userUpdateSchema } from '../../../../common/src/contract/users.contract.ts';
import { notFoundOrNoAccess } from '../../http/app-error.ts';
import { actorOf, requestMeta, requireLogin } from '../../http/session.middleware.ts';
import { objectBody, parseOr400, pathId } from '../../http/validate.ts';
import { assertCan } from '../../policy/access.policy.ts';
import type { UsersService } from './users.service.ts';

const sessionIdPattern = /^[0-9a-f]{16}$/;

/** /api/users: 用户管理, for users.manage holders (the security administrator). Authorised before the body is read. */
export function usersRoutes(users: UsersService) {
  const r = Router();
  r.use(requireLogin, (req, _res, next) => (assertCan(actorOf(req), 'users.manage', '用户管理'), next()));
  r.get('/', async (req, res) => {
    res.json({ items: await users.list(actorOf(req), parseOr400(userListQuery, req.query)) });
  });
  r.get('/options', async (req, res) => {
    res.json(await users.options(actorOf(req)));
  });
  r.post('/', async (req, res) => {
    const input = parseOr400(userCreateSchema, objectBody(req.body));
    res.status(201).json(await users.create(actorOf(req), input, requestMeta(req).ip));
  });
  r.get('/:id', async (req, res) => {
    res.json(await users.get(actorOf(req), pathId(req.params.id, '用户')));
  });
  r.put('/:id', async (req, res) => {
    const id = pathId(req.params.id, '用户');
    res.json(await users.update(actorOf(req), id, parseOr400(userUpdateSchema, objectBody(req.body)), requestMeta(req).ip));
  });
  r.post('/:id/password-reset', async (req, res) => {
    res.json(await users.resetPassword(actorOf(req), pathId(req.params.id, '用户'), requestMeta(req).ip));
  });
  r.get('/:id/sessions', async (req, res) => {
    res.json({ items: await users.sessions(actorOf(req), pathId(req.params.id, '用户')) });
  });
  r.delete('/:id/sessions', async (req, res) => {
    res.json(await users.endSessions(actorOf(req), pathId(req.params.id, '用户'), undefined, requestMeta(req).ip));
  });
  r.delete('/:id/sessions/:sessionId', async (req, res) => {
    const id = pathId(req.params.id, '用户');
    if (!sessionIdPattern.test(req.params.sessionId)) throw notFoundOrNoAccess('会话');
    res.json(await users.endSessions(actorOf(req), id, req.params.sessionId, requestMeta(req).ip));
  });
  return r;
}

/** POST /api/auth/password: every logged-in user changes their own password (also when it must be changed). */
export function ownPasswordRoute(users: UsersService) {
  const r = Router();
  r.post('/password', requireLogin, async (req, res) => {
    const body = parseOr400(passwordChangeSchema, objectBody(req.body));
    await users.changeOwnPassword(actorOf(req), body.currentPassword, body.newPassword, requestMeta(req).ip);
    res.status(204).end();
  });
  return r;
}
