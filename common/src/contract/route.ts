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

/** `/:id` of a record: a positive integer. */
export const idParams = z.object({ id: z.coerce.number().int().positive() });
