/**
 * Error codes every module may answer (the `code` of `{ error: { code, message, details? } }`).
 * Module-specific codes are in `<module>.errors.ts`; values never change (clients and tests rely on them).
 */
export const HttpErrors = {
  BAD_REQUEST: 'BAD_REQUEST',
  NOT_OBJECT: 'NOT_OBJECT',
  BAD_JSON: 'BAD_JSON',
  TOO_LARGE: 'TOO_LARGE',
  NO_FILE: 'NO_FILE',
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  CROSS_SITE: 'CROSS_SITE',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  NO_ROUTE: 'NO_ROUTE',
  CONFLICT: 'CONFLICT',
  DUPLICATE: 'DUPLICATE',
  REFERENCED: 'REFERENCED',
  CONSTRAINT: 'CONSTRAINT',
  INVALID_VALUE: 'INVALID_VALUE',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  INTERNAL: 'INTERNAL',
  RETRY: 'RETRY',
  /** Every request before the database is ready (main.ts). */
  STARTING: 'STARTING',
} as const;
