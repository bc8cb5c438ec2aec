import { Validator } from '@seriousme/openapi-schema-validator';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../common/src/contract/index.ts';
import type { RouteContract } from '../../common/src/contract/route.ts';
import { createApp } from '../../server/src/app.ts';
import { buildOpenApiDocument } from '../../server/src/http/openapi.ts';
import { expressOperations } from '../support/express-routes.ts';
import { testContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testContext();
});

const contractOperations = (routes: readonly RouteContract[]) => routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();

/** What the app serves without a contract entry, and contract entries the app does not serve. */
function mismatch(served: string[], routes: readonly RouteContract[]) {
  const documented = contractOperations(routes);
  return { undocumented: served.filter((o) => !documented.includes(o)), unserved: documented.filter((o) => !served.includes(o)) };
}

describe('the API contract (common/src/contract) and the Express app', () => {
  it('has exactly one contract entry for every route the app serves, and a route for every entry', () => {
    const served = expressOperations(ctx.app);
    expect(served.length).toBeGreaterThan(50);
    expect(mismatch(served, apiRoutes)).toEqual({ undocumented: [], unserved: [] });
    const documented = contractOperations(apiRoutes);
    expect(new Set(documented).size, 'an operation appears twice in the route tables').toBe(documented.length);
  });

  it('notices a route added without an entry and an entry without a route', () => {
    const app = createApp({ config: ctx.config, db: ctx.db, log: () => {} });
    app.get('/api/added-without-contract/:id', (_req, res) => void res.end());
    const extra: RouteContract = { method: 'delete', path: '/api/entry-without-route', summary: '无路由', response: { status: 204, description: '', contentType: null }, errors: [] };
    expect(mismatch(expressOperations(app), [...apiRoutes, extra])).toEqual({ undocumented: ['GET /api/added-without-contract/{id}'], unserved: ['DELETE /api/entry-without-route'] });
  });

  it('serves a document that an independent validator accepts as OpenAPI 3.1, with every operation', async () => {
    const res = await request(ctx.app).get('/api/openapi.json').expect(200);
    expect(res.body).toEqual(buildOpenApiDocument());
    const validator = new Validator();
    const result = await validator.validate(structuredClone(res.body));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    const operations = Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(expressOperations(ctx.app));
  });
});
