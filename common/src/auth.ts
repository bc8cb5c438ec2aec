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
}

/**
 * Password rule (等保 practice): at least 8 characters with three of the four classes
 * upper case, lower case, digits, symbols. Returns a Chinese reason, or null when acceptable.
 */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return '密码至少 8 位';
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  return null;
}
