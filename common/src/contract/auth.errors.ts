/** Error codes of login and sessions (generic ones: http.errors.ts). */
export const AuthErrors = {
  BAD_CREDENTIALS: 'BAD_CREDENTIALS',
  ACCOUNT_LOCKED: 'ACCOUNT_LOCKED',
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
  /** A one-time or expired password: only /api/auth/me, /password and logout answer until it is changed. */
  PASSWORD_CHANGE_REQUIRED: 'PASSWORD_CHANGE_REQUIRED',
  BAD_CURRENT_PASSWORD: 'BAD_CURRENT_PASSWORD',
  WEAK_PASSWORD: 'WEAK_PASSWORD',
  PASSWORD_REUSED: 'PASSWORD_REUSED',
} as const;
