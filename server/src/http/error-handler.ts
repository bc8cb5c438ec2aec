import type { ErrorRequestHandler, RequestHandler } from 'express';
import { FactorsErrors } from '../../../common/src/contract/factors.errors.ts';
import { HttpErrors } from '../../../common/src/contract/http.errors.ts';
import { AppError } from './app-error.ts';

/** Database errors that are the user's doing, mapped to Chinese messages; everything else is a 500. */
function fromDatabaseError(err: { code?: string; constraint?: string }): AppError | undefined {
  switch (err.code) {
    case '23505':
      return new AppError(409, HttpErrors.DUPLICATE, '记录已存在（编号或名称重复）');
    case '23503':
      return new AppError(409, HttpErrors.REFERENCED, '关联的记录不存在或仍被引用');
    case '23514':
      if (err.constraint === 'factor_allocation_within_demand') return new AppError(409, FactorsErrors.BEYOND_DEMAND, '分配后项目获得的指标将超过其要素需求，已拒绝');
      return new AppError(400, HttpErrors.CONSTRAINT, `数据不符合规则（${err.constraint ?? '检查约束'}）`);
    case '22P02':
    case '22023':
      return new AppError(400, HttpErrors.INVALID_VALUE, '数据格式不正确');
    case '40001':
    case '40P01':
      return new AppError(503, HttpErrors.RETRY, '系统繁忙（并发冲突），请重试');
    default:
      return undefined;
  }
}

export const notFoundApi: RequestHandler = (req, _res, next) => {
  next(new AppError(404, HttpErrors.NO_ROUTE, `接口不存在：${req.method} ${req.path}`));
};

export function errorHandler(log: (line: string) => void): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let e: AppError | undefined;
    if (err instanceof AppError) e = err;
    else if (err?.type === 'entity.parse.failed') e = new AppError(400, HttpErrors.BAD_JSON, '请求内容不是有效的 JSON');
    else if (err?.type === 'entity.too.large') e = new AppError(413, HttpErrors.TOO_LARGE, '请求内容过大');
    else e = fromDatabaseError(err ?? {});
    if (!e) {
      log(`500 ${req.method} ${req.originalUrl}: ${err?.stack ?? err}`);
      e = new AppError(500, HttpErrors.INTERNAL, '服务器内部错误，请稍后重试；如持续出现请联系系统管理员');
    }
    if (res.headersSent) return;
    res.status(e.status).json({ error: { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) } });
  };
}
