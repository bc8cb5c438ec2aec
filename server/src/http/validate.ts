import type { z } from 'zod';
import { HttpErrors } from '../../../common/src/contract/http.errors.ts';
import { ID_PATTERN, INT4_MAX } from '../../../common/src/contract/route.ts';
import { useChineseZodMessages } from '../../../common/src/zod-messages.ts';
import { badRequest, notFoundOrNoAccess } from './app-error.ts';
import { isInvalidJson, refuseHostileJson } from './input-guard.ts';

useChineseZodMessages();

/** Parses a request part with a zod schema; the first issue becomes the Chinese 400 message. */
const badJson = () => badRequest('请求内容不是有效的 JSON', undefined, HttpErrors.BAD_JSON);

export function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  if (isInvalidJson(value)) throw badJson();
  refuseHostileJson(value);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.length ? `（字段 ${issue.path.join('.')}）` : '';
  throw badRequest(`${issue.message}${field}`, result.error.issues.map((i) => ({ path: i.path, message: i.message })));
}

/**
 * The one "body must be a JSON object" check: a missing body, an array or a scalar is a 400 before any
 * schema runs. `expects` names what the object holds (shown after the content type), `code` the error code.
 */
export function objectBody(body: unknown, { expects = '', code = HttpErrors.NOT_OBJECT }: { expects?: string; code?: string } = {}): Record<string, unknown> {
  if (isInvalidJson(body)) throw badJson();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest(`请求内容须为 JSON 对象（Content-Type: application/json）${expects ? `，${expects}` : ''}`, undefined, code);
  }
  refuseHostileJson(body);
  return body as Record<string, unknown>;
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value) && Number(value) <= INT4_MAX;
}

/**
 * A path id (`/api/users/{id}`): plain decimal digits within int4, else a 400 naming what was expected —
 * or, with `invalid: 'not-found'`, the 404 of a missing record (the siting report links keep that answer).
 */
export function pathId(value: unknown, what = '记录', { invalid = 'bad-request' }: { invalid?: 'bad-request' | 'not-found' } = {}): number {
  if (isId(value)) return Number(value);
  if (invalid === 'not-found') throw notFoundOrNoAccess(what);
  throw badRequest(`${what}编号无效：须为不超过 ${INT4_MAX} 的正整数`, undefined, HttpErrors.BAD_ID);
}
