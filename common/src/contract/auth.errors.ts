/** Error codes of login and sessions (generic ones: http.errors.ts). */
export const AuthErrors = {
  BAD_CREDENTIALS: 'BAD_CREDENTIALS',
  ACCOUNT_LOCKED: 'ACCOUNT_LOCKED',
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
} as const;
