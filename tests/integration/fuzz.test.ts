import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { apiRoutes } from '../../common/src/contract/index.ts';
import type { RouteContract } from '../../common/src/contract/route.ts';
import { loginAs, testContext, type TestContext } from '../support/test-app.ts';

/**
 * Issue 11: every operation of the contract, sent what an attacker or a careless client sends — bad ids,
 * broken and hostile bodies, NUL characters, dates that do not exist, deep nesting — as several roles.
 * Nothing may answer ≥ 500, and every 4xx carries a Chinese message. Only inputs the route's own schema
 * refuses are sent (checked here first), and path ids are invalid or missing, so nothing is changed.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await testContext();
});

const BAD_IDS = ['0x10', '1e3', '99999999999', '-1', 'abc', '%00', '2147483647'];
/** Sent as text: 100 000 levels overflow JSON.stringify and zod, not the server's iterative guard. */
const DEEP_ARRAY = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
const deepUnder = (key: string) => `{${JSON.stringify(key)}:${DEEP_ARRAY}}`;
class Raw {
  constructor(readonly text: string) {}
}
const chinese = /[\u4e00-\u9fff]/;

/** Bodies of many shapes; those the schema would accept are dropped, so nothing valid is sent. */
function badBodies(schema: z.ZodType | undefined): unknown[] {
  const keys = schema && 'shape' in schema ? Object.keys((schema as z.ZodObject).shape) : [];
  const shapes: unknown[] = [
    [],
    'text',
    42,
    null,
    { ['k\u0000ey']: 1 },
    Object.fromEntries(keys.map((k) => [k, 'a\u0000b'])),
    Object.fromEntries(keys.map((k) => [k, 99999999999])),
    Object.fromEntries(keys.map((k) => [k, '2027-13-45'])),
    Object.fromEntries(keys.map((k) => [k, { nested: [1, 2, 3] }])),
    Object.fromEntries(keys.map((k) => [k, -1.5])),
    Object.fromEntries(keys.map((k) => [k, ['x\u0000']])),
  ];
  return [...shapes.filter((b) => !schema || !schema.safeParse(b).success), ...['deep', ...keys].map((k) => new Raw(deepUnder(k)))];
}

function badQueries(schema: z.ZodObject | undefined): string[] {
  const keys = schema ? Object.keys(schema.shape) : ['q'];
  const values = ['%00', '99999999999', '0x10', '2027-13-45', '0000-01-01', '%25', '-1', 'NaN', '1e309'];
  return values.flatMap((v) => keys.map((k) => `${k}=${v}`)).filter((q) => {
    if (!schema) return true;
    const [k, v] = q.split('=');
    return !schema.safeParse({ [k!]: decodeURIComponent(v!) }).success || v === '%00';
  });
}

/** Files for the upload routes: deep nesting, NUL in properties, a lying zip, an empty file. */
const HOSTILE_FILES: Array<[string, Buffer]> = [
  ['deep.geojson', Buffer.from(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":${DEEP_ARRAY}}}]}`)],
  ['nul.geojson', Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { ['名\u0000称']: 'a\u0000b' }, geometry: { type: 'Point', coordinates: [115.98, 36.45] } }] }))],
  ['fake.zip', Buffer.from('PK\u0003\u0004 not really a zip')],
  ['fake.xlsx', Buffer.from('PK\u0003\u0004 not really a workbook')],
  ['empty.geojson', Buffer.alloc(0)],
];

const fill = (path: string, id: string) => path.replace(/\{[^}]+\}/g, id);

async function probe(agent: ReturnType<typeof request.agent>, route: RouteContract, results: { tried: number; failures: string[] }) {
  const send = async (path: string, query = '', body?: unknown) => {
    let req = agent[route.method](`${path}${query ? `?${query}` : ''}`);
    if (body !== undefined) req = req.set('Content-Type', 'application/json').send(body instanceof Raw ? body.text : JSON.stringify(body));
    const res = await req;
    results.tried++;
    const where = `${route.method.toUpperCase()} ${path}${query ? `?${query}` : ''} ${body === undefined ? '' : body instanceof Raw ? '(deep)' : JSON.stringify(body).slice(0, 60)}`;
    if (res.status >= 500) results.failures.push(`${res.status} ${where}`);
    else if (res.status >= 400 && !chinese.test(String(res.body?.error?.message ?? ''))) results.failures.push(`${res.status} without a Chinese message: ${where}`);
  };
  const hasParams = route.path.includes('{');
  const paths = hasParams ? BAD_IDS.map((id) => fill(route.path, id)) : [route.path];
  for (const path of paths) await send(path);
  const base = hasParams ? fill(route.path, '2147483647') : route.path;
  for (const q of badQueries(route.query)) await send(base, q);
  if (route.body) for (const b of badBodies(route.body)) await send(base, '', b);
  if (route.upload) {
    await send(base, '', { not: 'multipart' });
    for (const [name, bytes] of HOSTILE_FILES) {
      const res = await agent[route.method](base).attach('file', bytes, name);
      results.tried++;
      if (res.status >= 500) results.failures.push(`${res.status} ${route.method.toUpperCase()} ${base} file ${name}`);
      else if (res.status >= 400 && !chinese.test(String(res.body?.error?.message ?? ''))) results.failures.push(`${res.status} without a Chinese message: ${base} file ${name}`);
    }
  }
  // A broken JSON text on every writing route.
  if (route.method !== 'get') {
    const res = await agent[route.method](base).set('Content-Type', 'application/json').send('{"broken":');
    results.tried++;
    if (res.status >= 500) results.failures.push(`${res.status} ${route.method.toUpperCase()} ${base} broken JSON`);
  }
}

describe('fuzz over every route of the contract', () => {
  it('answers bad input with a Chinese 4xx and never with a 5xx, for every role', { timeout: 600_000 }, async () => {
    const results = { tried: 0, failures: [] as string[] };
    for (const who of ['city', 'planner', 'zrzy', 'auditor', 'security']) {
      const agent = await loginAs(ctx.app, who);
      for (const route of apiRoutes) {
        if (route.path === '/api/auth/logout' || route.path === '/api/auth/logout-all') continue;
        await probe(agent, route, results);
      }
    }
    const anonymous = request.agent(ctx.app);
    for (const route of apiRoutes) await probe(anonymous, route, results);
    console.log(`fuzz: ${results.tried} requests over ${apiRoutes.length} operations`);
    expect(results.failures).toEqual([]);
    expect(results.tried).toBeGreaterThan(3000);
  });
});
