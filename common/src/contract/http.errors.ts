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
  /** Hostile or broken input (issue 11): a NUL character, nesting too deep, a path that does not decode. */
  NUL_CHARACTER: 'NUL_CHARACTER',
  TOO_DEEP: 'TOO_DEEP',
  BAD_PATH: 'BAD_PATH',
  /** A path id that is not plain decimal digits within int4. */
  BAD_ID: 'BAD_ID',
  INVALID_DATE: 'INVALID_DATE',
  OUT_OF_RANGE: 'OUT_OF_RANGE',
  UNSUPPORTED_ENCODING: 'UNSUPPORTED_ENCODING',
  /** The database connection was lost; the pool reconnects, the client retries. */
  DB_UNAVAILABLE: 'DB_UNAVAILABLE',
  /** Every request before the database is ready (main.ts). */
  STARTING: 'STARTING',
} as const;
