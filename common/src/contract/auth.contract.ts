import { loginRequestSchema, type AuthUser } from '../auth.ts';
import { routeTable } from './route.ts';

export { loginRequestSchema };
export type { AuthUser, LoginRequest, ScopeLevel } from '../auth.ts';

/** POST /api/auth/login and GET /api/auth/me */
export interface SessionUser {
  user: AuthUser;
}

export const authRoutes = routeTable('auth', [
  { method: 'post', path: '/api/auth/login', summary: '登录（设置会话 Cookie；连续 5 次密码错误锁定 10 分钟）', auth: false, body: loginRequestSchema, response: { status: 200, description: 'SessionUser { user }' }, errors: [400, 401, 403, 429] },
  { method: 'get', path: '/api/auth/me', summary: '当前用户', response: { status: 200, description: 'SessionUser { user }' }, errors: [401] },
  { method: 'post', path: '/api/auth/logout', summary: '退出登录', response: { status: 204, description: '已退出', contentType: null }, errors: [401] },
  { method: 'post', path: '/api/auth/logout-all', summary: '退出本账号的全部会话', response: { status: 204, description: '已退出', contentType: null }, errors: [401] },
]);
