import { HttpErrors } from '../../../common/src/contract/http.errors.ts';

/**
 * Real failures. Findings (conflicts, invalid rings, missing attributes) are returned values, not errors;
 * everything that stops a request extends AppError and is turned into HTTP by error-handler.ts.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown, code: string = HttpErrors.BAD_REQUEST) => new AppError(400, code, message, details);
export const unauthorized = (message = '请先登录', code: string = HttpErrors.UNAUTHENTICATED) => new AppError(401, code, message);
/** Access failures never reveal whether the record exists. */
export const notFoundOrNoAccess = (what = '记录') => new AppError(404, HttpErrors.NOT_FOUND, `${what}不存在或无权访问`);
export const conflict = (message: string, details?: unknown, code: string = HttpErrors.CONFLICT) => new AppError(409, code, message, details);
export const tooManyRequests = (message: string, code: string = HttpErrors.TOO_MANY_REQUESTS) => new AppError(429, code, message);

/** A failure at start-up: one line for the operator, no stack trace (main.ts prints it and exits). */
export class StartupError extends Error {}
