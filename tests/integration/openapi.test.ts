import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { testContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testContext();
});

describe('GET /api/openapi.json', () => {
  it('documents the stable API of issues 5 and 6 with request schemas taken from the validators', async () => {
    const res = await request(ctx.app).get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toMatch(/^3\.1/);
    const paths = res.body.paths as Record<string, Record<string, unknown>>;
    for (const [path, method] of [
      ['/api/projects', 'post'],
      ['/api/projects/{id}', 'get'],
      ['/api/projects/{id}/site', 'put'],
      ['/api/projects/{id}/submissions', 'post'],
      ['/api/tasks', 'get'],
      ['/api/tasks/{id}/opinion', 'post'],
      ['/api/factors/accounts', 'get'],
      ['/api/factors/movements', 'post'],
      ['/api/projects/{id}/allocation-plan', 'post'],
      ['/api/allocation-plans/{id}/approve', 'post'],
    ] as const) {
      expect(paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    const create = (paths['/api/projects']!.post as { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }> } }).requestBody.content['application/json']!.schema;
    expect(Object.keys(create.properties)).toEqual(expect.arrayContaining(['name', 'unitName', 'county', 'type', 'needs', 'site']));
    expect(create.required).toEqual(expect.arrayContaining(['name', 'county', 'type', 'site']));
    const opinion = (paths['/api/tasks/{id}/opinion']!.post as { requestBody: { content: Record<string, { schema: { properties: { verdict: { enum: string[] } } } }> } }).requestBody.content['application/json']!.schema;
    expect(opinion.properties.verdict.enum).toEqual(['agree', 'conditional', 'disagree']);
  });
});
