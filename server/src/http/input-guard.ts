import express, { type RequestHandler } from 'express';
import { HttpErrors } from '../../../common/src/contract/http.errors.ts';
import { inspectJson, MAX_JSON_DEPTH, type JsonProblem } from '../../../common/src/json-inspect.ts';
import { badRequest } from './app-error.ts';

export function problemError(problem: JsonProblem, where: string) {
  const shown = problem.path.length > 60 ? `${problem.path.slice(0, 60)}…` : problem.path;
  const field = shown ? `（字段 ${shown.replaceAll('\0', '\\u0000')}）` : '';
  return problem.kind === 'nul'
    ? badRequest(`${where}含有空字符（\\u0000），请删除后重试${field}`, undefined, HttpErrors.NUL_CHARACTER)
    : badRequest(`${where}嵌套超过 ${MAX_JSON_DEPTH} 层，无法处理${field}`, undefined, HttpErrors.TOO_DEEP);
}

/** Throws the 400 for a body or value that inspectJson finds a problem in. */
export function refuseHostileJson(value: unknown, where = '请求内容') {
  const problem = inspectJson(value);
  if (problem) throw problemError(problem, where);
}

/**
 * Refuses, before any route runs, a path or query that PostgreSQL cannot take (a NUL character) or that
 * does not decode. Bodies are checked where they are validated (parseOr400, objectBody): after the
 * route has authorised the request, so a role that may not write gets its 403 whatever the body.
 */
export const refuseHostilePathAndQuery: RequestHandler = (req, _res, next) => {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    throw badRequest('请求路径的编码不正确（% 转义无效）', undefined, HttpErrors.BAD_PATH);
  }
  if (path.includes('\0')) throw badRequest('请求路径含有空字符（\\u0000）', undefined, HttpErrors.NUL_CHARACTER);
  refuseHostileJson(req.query, '查询参数');
  next();
};

/** The body of a request whose JSON did not parse: a 400 only where the body is read, after authorisation. */
export const INVALID_JSON: Readonly<Record<string, never>> = Object.freeze({});

export const isInvalidJson = (body: unknown) => body === INVALID_JSON;

/**
 * express.json, except that malformed JSON does not stop the request here: the route authorises first
 * (a role that may not write gets its 403 whatever it sent), and reading the body (parseOr400,
 * objectBody) then answers 400 BAD_JSON.
 */
export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({ limit });
  return (req, res, next) =>
    parse(req, res, (err?: unknown) => {
      if ((err as { type?: string } | undefined)?.type === 'entity.parse.failed') {
        req.body = INVALID_JSON;
        return next();
      }
      next(err);
    });
}
