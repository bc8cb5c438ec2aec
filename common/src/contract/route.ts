import { z } from 'zod';

/** The HTTP methods the API uses. */
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Error statuses a route may answer (the body is always `{ error: { code, message, details? } }`). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 429;

/** Content types of the answers that are not JSON. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * One operation of the API: what the server accepts (the zod schemas it validates with) and what it
 * answers. `http/openapi.ts` turns the tables into the OpenAPI document; a test checks that every route
 * the Express app serves has exactly one entry and every entry a route.
 */
export interface RouteContract {
  method: Method;
  /** OpenAPI style, from the root: `/api/projects/{id}`. */
  path: string;
  /** Chinese, one line. */
  summary: string;
  description?: string;
  /** false: answered without a session (login, health, this document). */
  auth?: boolean;
  /** Path parameters; a `{name}` in the path without an entry here is a string. */
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** An application/json body. */
  body?: z.ZodType;
  /** A multipart/form-data body: one `file` plus these text fields. */
  upload?: z.ZodObject;
  response: {
    status: number;
    description: string;
    /** Default application/json; null: no body (e.g. 204). */
    contentType?: string | null;
  };
  /** Further success or cache statuses besides `response.status`, e.g. 204 or 304 for tiles. */
  otherStatuses?: Record<number, string>;
  errors: readonly ErrorStatus[];
}

/** A module's table: every entry tagged with the module name. */
export function routeTable(tag: string, routes: readonly RouteContract[]): readonly (RouteContract & { tag: string })[] {
  return routes.map((r) => ({ ...r, tag }));
}

/** A database id: int4 and positive, written as plain decimal digits (no `0x10`, `1e3`, `+5`, ` 7`). */
export const ID_PATTERN = /^[1-9][0-9]{0,9}$/;
export const INT4_MAX = 2_147_483_647;

/** An id inside a JSON body. */
export const dbId = (message = '编号须为正整数') => z.number({ error: message }).int(message).min(1, message).max(INT4_MAX, '编号超出范围');

/** An id in a query string: decimal digits only, within int4. */
export const queryId = (message = '编号须为正整数') =>
  z
    .string({ error: message })
    .regex(ID_PATTERN, message)
    .refine((v) => Number(v) <= INT4_MAX, '编号超出范围')
    .transform(Number);

/** `/:id` of a record: decimal digits within int4 (anything else is the 404 of a missing record). */
export const idParams = z.object({ id: z.string().regex(ID_PATTERN) });
