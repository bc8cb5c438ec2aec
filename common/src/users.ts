import { z } from 'zod';

/**
 * 用户管理 (issue 11, item 16): accounts as the security administrator manages them. 三权分立: the duty
 * roles (system administrator, security administrator, auditor) are held by different people — an
 * account holds at most one duty — and nobody changes their own roles or status.
 */
export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{1,31}$/;

const nullableCode = z.string().trim().min(1).max(16).nullable();

export const userUpdateSchema = z.object({
  displayName: z.string({ error: '请填写姓名' }).trim().min(1, '请填写姓名').max(64, '姓名最多 64 个字'),
  regionCode: nullableCode.default(null),
  departmentCode: nullableCode.default(null),
  roles: z.array(z.string().min(1).max(32), { error: '请选择角色' }).min(1, '至少分配一个角色').max(8, '角色过多'),
  enabled: z.boolean().default(true),
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const userCreateSchema = userUpdateSchema.extend({
  username: z
    .string({ error: '请填写用户名' })
    .trim()
    .toLowerCase()
    .regex(USERNAME_PATTERN, '用户名须以字母开头，由 2-32 位小写字母、数字、下划线、点或连字符组成'),
});
export type UserCreate = z.infer<typeof userCreateSchema>;

export const passwordChangeSchema = z.object({
  currentPassword: z.string({ error: '请输入当前密码' }).min(1, '请输入当前密码').max(256, '密码过长'),
  newPassword: z.string({ error: '请输入新密码' }).min(1, '请输入新密码').max(256, '密码过长'),
});
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

export interface ManagedUser {
  id: number;
  username: string;
  displayName: string;
  status: 'active' | 'disabled';
  region: { code: string; name: string } | null;
  department: { code: string; name: string } | null;
  roles: { key: string; name: string; duty: 'system' | 'security' | 'audit' | null }[];
  lockedUntil: string | null;
  mustChangePassword: boolean;
  passwordChangedAt: string;
  createdAt: string;
  lastLoginAt: string | null;
  liveSessions: number;
}

export interface UserSession {
  /** The first 16 hex digits of the session's hash: enough to name it, useless as a cookie. */
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface RoleOption {
  key: string;
  name: string;
  description: string;
  scopeKind: 'city' | 'county' | 'department';
  duty: 'system' | 'security' | 'audit' | null;
}

export interface UserFormOptions {
  roles: RoleOption[];
  regions: { code: string; name: string; level: string }[];
  departments: { code: string; name: string }[];
}

/** Returned once, when an account is created or its password reset: shown to the administrator, never stored in clear. */
export interface OneTimePassword {
  user: ManagedUser;
  oneTimePassword: string;
}
