/** Error codes of the ledger, loans, pooling rules and allocation plans (generic ones: http.errors.ts). */
export const FactorsErrors = {
  INSUFFICIENT: 'INSUFFICIENT',
  OVER_REPAYMENT: 'OVER_REPAYMENT',
  REQUEST_KEY_REUSED: 'REQUEST_KEY_REUSED',
  /** A database CHECK: a project would get more than it needs. */
  BEYOND_DEMAND: 'BEYOND_DEMAND',
  INVALID_STAGE: 'INVALID_STAGE',
  PLAN_NOT_DRAFT: 'PLAN_NOT_DRAFT',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
} as const;
