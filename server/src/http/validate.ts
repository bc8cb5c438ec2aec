import type { z } from 'zod';
import { badRequest } from './app-error.ts';

/** Parses a request part with a zod schema; the first issue becomes the Chinese 400 message. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.length ? `（字段 ${issue.path.join('.')}）` : '';
  throw badRequest(`${issue.message}${field}`, result.error.issues.map((i) => ({ path: i.path, message: i.message })));
}
