import type { ErrorRequestHandler, RequestHandler } from 'express';
import { FactorsErrors } from '../../../common/src/contract/factors.errors.ts';
import { HttpErrors } from '../../../common/src/contract/http.errors.ts';
import { AppError } from './app-error.ts';

/**
 * A lost or refused database connection (server restart, terminated backend, network, exhausted pool):
 * the pool reconnects by itself, so the answer is "try again", not a 500.
 */
function isConnectionLoss(err: { code?: string; name?: string; message?: string }): boolean {
  const code = err.code ?? '';
  if (/^08/.test(code) || /^57P0[1-3]$/.test(code)) return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(code)) return true;
  if (err.name === 'KnexTimeoutError') return true;
  return /Connection terminated|connection is closed|Client has encountered a connection error/i.test(err.message ?? '');
}

/** Database errors that are the user's doing (or transient), mapped to Chinese messages; everything else is a 500. */
function fromDatabaseError(err: { code?: string; constraint?: string; name?: string; message?: string }): AppError | undefined {
  if (isConnectionLoss(err)) return new AppError(503, HttpErrors.DB_UNAVAILABLE, '数据库连接暂时中断，请稍后重试');
  switch (err.code) {
    case '23505':
      return new AppError(409, HttpErrors.DUPLICATE, '记录已存在（编号或名称重复）');
    case '23503':
      return new AppError(409, HttpErrors.REFERENCED, '关联的记录不存在或仍被引用');
    case '23514':
      if (err.constraint === 'factor_allocation_within_demand') return new AppError(409, FactorsErrors.BEYOND_DEMAND, '分配后项目获得的指标将超过其要素需求，已拒绝');
      return new AppError(400, HttpErrors.CONSTRAINT, `数据不符合规则（${err.constraint ?? '检查约束'}）`);
    case '22021':
    case '22P05':
      return new AppError(400, HttpErrors.NUL_CHARACTER, '数据含有无法保存的字符（如空字符 \\u0000），请删除后重试');
    case '22007':
    case '22008':
      return new AppError(400, HttpErrors.INVALID_DATE, '日期或时间无效（请检查年、月、日是否存在）');
    case '22003':
      return new AppError(400, HttpErrors.OUT_OF_RANGE, '数值超出允许的范围');
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
    else if (err?.type === 'charset.unsupported' || err?.type === 'encoding.unsupported') e = new AppError(415, HttpErrors.UNSUPPORTED_ENCODING, '不支持的字符集或压缩方式，请以 UTF-8 发送');
    else if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500) e = new AppError(err.status, HttpErrors.BAD_REQUEST, '请求格式不正确，无法处理');
    else e = fromDatabaseError(err ?? {});
    if (!e) {
      log(`500 ${req.method} ${req.originalUrl}: ${err?.stack ?? err}`);
      e = new AppError(500, HttpErrors.INTERNAL, '服务器内部错误，请稍后重试；如持续出现请联系系统管理员');
    }
    if (res.headersSent) return;
    if (e.status === 503) res.set('Retry-After', '5');
    res.status(e.status).json({ error: { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) } });
  };
}
