import type { z } from 'zod';
import { useChineseZodMessages } from '../../../common/src/zod-messages.ts';
import { badRequest } from './app-error.ts';
import { refuseHostileJson } from './input-guard.ts';

useChineseZodMessages();

/** Parses a request part with a zod schema; the first issue becomes the Chinese 400 message. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
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
export function objectBody(body: unknown, { expects = '', code = 'NOT_OBJECT' }: { expects?: string; code?: string } = {}): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest(`请求内容须为 JSON 对象（Content-Type: application/json）${expects ? `，${expects}` : ''}`, undefined, code);
  }
  refuseHostileJson(body);
  return body as Record<string, unknown>;
}
