import express, { type RequestHandler } from 'express';
import { HttpErrors } from '../../../common/src/contract/http.errors.ts';
import { badRequest } from './app-error.ts';

/** Deeper than any body the API takes (a GeoJSON MultiPolygon inside a FeatureCollection is about 8). */
export const MAX_JSON_DEPTH = 64;

export type JsonProblem = { kind: 'nul'; path: string } | { kind: 'depth'; path: string };

/**
 * Walks a parsed JSON value without recursion (a hostile depth cannot overflow the stack) and reports
 * the first NUL character (PostgreSQL text cannot hold one) or nesting beyond `maxDepth`.
 */
export function inspectJson(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonProblem | undefined {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: '', depth: 0 }];
  while (stack.length) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\0')) return { kind: 'nul', path };
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= maxDepth) return { kind: 'depth', path };
    if (Array.isArray(v)) {
      // Coordinate arrays are most of a large body: numbers are skipped without building paths.
      for (let i = v.length - 1; i >= 0; i--) {
        const child: unknown = v[i];
        if (typeof child === 'object' ? child !== null : typeof child === 'string') stack.push({ value: child, path: path ? `${path}.${i}` : String(i), depth: depth + 1 });
      }
      continue;
    }
    for (const [key, child] of Object.entries(v)) {
      const childPath = path ? `${path}.${key}` : key;
      if (key.includes('\0')) return { kind: 'nul', path: childPath };
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return undefined;
}

export function problemError(problem: JsonProblem, where: string) {
  const field = problem.path ? `（字段 ${problem.path.replaceAll('\0', '\\u0000')}）` : '';
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
