import type { Request, RequestHandler, Response } from 'express';
import { AuthErrors } from '../../../common/src/contract/auth.errors.ts';
import { HttpErrors } from '../../../common/src/contract/http.errors.ts';
import type { Config } from '../config/config.ts';
import type { AuthService, RequestMeta } from '../modules/auth/auth.service.ts';
import type { Actor } from '../policy/actor.ts';
import { AppError, unauthorized } from './app-error.ts';

export const SESSION_COOKIE = 'ob_session';

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}

/** Resolves the session cookie into req.actor; a stale cookie is cleared. */
export function sessionMiddleware(auth: AuthService): RequestHandler {
  return async (req, res, next) => {
    const token = req.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token.length > 0 && token.length < 100) {
      req.actor = await auth.resolve(token);
      if (!req.actor) res.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    next();
  };
}

/** Where a user whose password must be changed may still go (paths inside /api). */
const OPEN_WHILE_PASSWORD_CHANGE = new Set(['/auth/me', '/auth/password', '/auth/logout', '/auth/logout-all', '/auth/login', '/health', '/config', '/openapi.json']);

/** A one-time or expired password: every other request is a 403 until the password is changed. */
export const passwordChangeGate: RequestHandler = (req, _res, next) => {
  if (req.actor?.mustChangePassword && !OPEN_WHILE_PASSWORD_CHANGE.has(req.path)) {
    throw new AppError(403, AuthErrors.PASSWORD_CHANGE_REQUIRED, '请先修改密码（初始密码、重置后的密码或已过期的密码须修改后才能使用系统）');
  }
  next();
};

export const requireLogin: RequestHandler = (req, _res, next) => {
  if (!req.actor) throw unauthorized('登录已失效，请重新登录');
  next();
};

export function actorOf(req: Request): Actor {
  if (!req.actor) throw unauthorized('登录已失效，请重新登录');
  return req.actor;
}

export const requestMeta = (req: Request): RequestMeta => ({ ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null });

export function setSessionCookie(res: Response, token: string, expiresAt: Date, session: Config['session']) {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: session.cookieSecure, path: '/', expires: expiresAt });
}

/**
 * Cross-site request guard for cookie sessions: a state-changing request carrying an Origin header must
 * come from this scheme and host (SameSite=Lax already stops most; this covers same-site subdomains and
 * old browsers). An Origin that is not a URL (`null` from a sandboxed frame or a file) is refused too.
 */
export const sameOriginForMutations: RequestHandler = (req, _res, next) => {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next();
  const origin = req.get('origin');
  if (origin !== undefined && !isSameOrigin(origin, req)) throw unauthorized('跨站请求被拒绝：请从本系统的页面提交', HttpErrors.CROSS_SITE);
  next();
};

function isSameOrigin(origin: string, req: Request): boolean {
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  return url.host === req.get('host') && url.protocol === `${req.protocol}:`;
}
