import { z } from 'zod';

export const loginRequestSchema = z.object({
  username: z.string({ error: '请输入用户名' }).trim().min(1, '请输入用户名').max(32, '用户名过长'),
  password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(256, '密码过长'),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export type ScopeLevel = 'city' | 'county' | 'department';

export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  roles: { key: string; name: string }[];
  scope: {
    level: ScopeLevel;
    regionCode: string | null;
    regionName: string | null;
    departmentCode: string | null;
    departmentName: string | null;
  };
  permissions: string[];
  /** An initial or reset one-time password, or an expired one: only changing it is allowed until then. */
  mustChangePassword: boolean;
}

export const PASSWORD_MIN_LENGTH = 10;

/**
 * Password rule (等保 practice) for every password a person sets: at least 10 characters with three of
 * the four classes upper case, lower case, digits, symbols, and not containing the username. Returns a
 * Chinese reason, or null when acceptable. (The server also refuses the last 5 passwords.)
 */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 位`;
  if (password.length > 128) return '密码最多 128 位';
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}
