/** Error codes of 用户管理 (generic ones: http.errors.ts; password ones: auth.errors.ts). */
export const UsersErrors = {
  USERNAME_TAKEN: 'USERNAME_TAKEN',
  /** 三权分立: nobody changes their own roles, status or (by reset) password. */
  SELF_CHANGE: 'SELF_CHANGE',
  SEPARATION_OF_DUTIES: 'SEPARATION_OF_DUTIES',
  UNKNOWN_ROLE: 'UNKNOWN_ROLE',
  UNKNOWN_REGION: 'UNKNOWN_REGION',
  UNKNOWN_DEPARTMENT: 'UNKNOWN_DEPARTMENT',
  NO_REGION: 'NO_REGION',
  NO_DEPARTMENT: 'NO_DEPARTMENT',
} as const;
