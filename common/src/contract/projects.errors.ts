/** Error codes of the project record, lifecycle and Excel import (generic ones: http.errors.ts). */
export const ProjectsErrors = {
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  PROJECT_CLOSED: 'PROJECT_CLOSED',
  ROUND_OPEN: 'ROUND_OPEN',
  UNKNOWN_COUNTY: 'UNKNOWN_COUNTY',
  UNKNOWN_STAGE: 'UNKNOWN_STAGE',
  NOT_XLSX: 'NOT_XLSX',
  EMPTY: 'EMPTY',
  MISSING_COLUMNS: 'MISSING_COLUMNS',
  TOO_MANY_ROWS: 'TOO_MANY_ROWS',
  IMPORT_ROWS: 'IMPORT_ROWS',
} as const;
