import { z } from 'zod';
import { passwordChangeSchema, userCreateSchema, userUpdateSchema } from '../users.ts';
import { routeTable } from './route.ts';

export { passwordChangeSchema, userCreateSchema, userUpdateSchema };
export type { ManagedUser, OneTimePassword, PasswordChange, RoleOption, UserCreate, UserFormOptions, UserSession, UserUpdate } from '../users.ts';

export const userListQuery = z.object({
  q: z.string().max(64, '搜索词最多 64 个字').optional(),
  role: z.string().max(32).optional(),
  status: z.enum(['active', 'disabled'], { error: 'status 须为 active 或 disabled' }).optional(),
});

const userId = z.object({ id: z.string().regex(/^[1-9][0-9]{0,9}$/) });
const userSession = z.object({ id: z.string().regex(/^[1-9][0-9]{0,9}$/), sessionId: z.string().regex(/^[0-9a-f]{16}$/) });

/** 用户管理: users.manage only (the security administrator); 403 before the body is read. */
export const usersRoutes = routeTable('users', [
  { method: 'get', path: '/api/users', summary: '账号列表（用户名/姓名、角色、状态筛选）', query: userListQuery, response: { status: 200, description: '{ items: ManagedUser[] }' }, errors: [400, 401, 403] },
  { method: 'post', path: '/api/users', summary: '新建账号（返回一次性密码，首次登录须修改；三权分立）', body: userCreateSchema, response: { status: 201, description: 'OneTimePassword { user, oneTimePassword }' }, errors: [400, 401, 403, 409] },
  { method: 'get', path: '/api/users/options', summary: '账号表单的选项：角色（含职责）、行政区划、部门', response: { status: 200, description: 'UserFormOptions' }, errors: [401, 403] },
  { method: 'get', path: '/api/users/{id}', summary: '账号详情', params: userId, response: { status: 200, description: 'ManagedUser' }, errors: [401, 403, 404] },
  { method: 'put', path: '/api/users/{id}', summary: '修改姓名、所属、角色、启用状态（停用即结束其会话；不能修改自己的角色与状态）', params: userId, body: userUpdateSchema, response: { status: 200, description: 'ManagedUser' }, errors: [400, 401, 403, 404] },
  { method: 'post', path: '/api/users/{id}/password-reset', summary: '重置密码：生成一次性密码，结束其全部会话', params: userId, response: { status: 200, description: 'OneTimePassword' }, errors: [401, 403, 404] },
  { method: 'get', path: '/api/users/{id}/sessions', summary: '进行中的登录会话', params: userId, response: { status: 200, description: '{ items: UserSession[] }' }, errors: [401, 403, 404] },
  { method: 'delete', path: '/api/users/{id}/sessions', summary: '结束该账号的全部会话', params: userId, response: { status: 200, description: '{ ended }' }, errors: [401, 403, 404] },
  { method: 'delete', path: '/api/users/{id}/sessions/{sessionId}', summary: '结束一个会话', params: userSession, response: { status: 200, description: '{ ended }' }, errors: [401, 403, 404] },
  { method: 'post', path: '/api/auth/password', summary: '修改自己的密码（≥10 位、三类字符、不含用户名、不与最近 5 次相同；结束其他会话）', body: passwordChangeSchema, response: { status: 204, description: '已修改', contentType: null }, errors: [400, 401] },
]);
