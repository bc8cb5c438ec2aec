import express from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorHandler } from '../../server/src/http/error-handler.ts';
import { parseOr400 } from '../../server/src/http/validate.ts';
import { hashPassword } from '../../server/src/modules/auth/password.ts';
import { loginAs, testContext, type TestContext } from '../support/test-app.ts';

// Issue 11: what an attacker or a careless user sends must get a Chinese 4xx, never a 500.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await testContext();
});

const PASSWORD = 'Right#Pass1';
/** A user of its own, so lockouts and ended sessions never touch the demo accounts other files use. */
async function freshUser(prefix: string) {
  const username = `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const [user] = await ctx.db.knex('users').insert({ username, display_name: '加固测试', password_hash: await hashPassword(PASSWORD) }).returning('id');
  await ctx.db.knex('user_roles').insert({ user_id: user.id, role_key: 'leader' });
  return username;
}

const isChinese = (message: unknown) => typeof message === 'string' && /[\u4e00-\u9fff]/.test(message);

describe('same-origin check (item 1)', () => {
  it('refuses an Origin that is not a URL, a look-alike host and another scheme with 401, not 500', async () => {
    const host = '127.0.0.1';
    for (const origin of ['null', 'http://host:port.evil.example', 'not a url', `https://${host}`]) {
      const res = await request(ctx.app).post('/api/auth/login').set('Origin', origin).send({ username: 'planner', password: 'x' });
      expect(res.status, origin).toBe(401);
      expect(res.body.error.code).toBe('CROSS_SITE');
      expect(isChinese(res.body.error.message)).toBe(true);
    }
  });

  it('still accepts a request from the page itself', async () => {
    const username = await freshUser('origin');
    // The Host header is the page's own; an Origin naming the same scheme and host is the page itself.
    await request(ctx.app).post('/api/auth/login').set('Host', 'blueprint.example:8080').set('Origin', 'http://blueprint.example:8080').send({ username, password: PASSWORD }).expect(200);
  });
});

describe('NUL characters and deep nesting (items 2, 5)', () => {
  it('answers a NUL in the login, a filter, a path segment and a body field with a Chinese 400', async () => {
    const login = await request(ctx.app).post('/api/auth/login').send({ username: 'plan\u0000ner', password: 'x' }).expect(400);
    expect(login.body.error.code).toBe('NUL_CHARACTER');
    expect(login.body.error.message).toMatch(/空字符.*username/);
    const planner = await loginAs(ctx.app, 'planner');
    const filter = await planner.get('/api/projects?q=%00').expect(400);
    expect(filter.body.error.message).toMatch(/查询参数含有空字符/);
    const path = await planner.get('/api/projects/1%00').expect(400);
    expect(path.body.error.code).toBe('NUL_CHARACTER');
    const badEscape = await planner.get('/api/projects/%E4%ZZ').expect(400);
    expect(isChinese(badEscape.body.error.message)).toBe(true);
  });

  it('refuses a body nested 100 000 levels deep with 400 instead of overflowing the stack', async () => {
    const planner = await loginAs(ctx.app, 'planner');
    const deep = `{"geometry":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const res = await planner.post('/api/siting/analyze').set('Content-Type', 'application/json').send(deep).expect(400);
    expect(res.body.error.code).toBe('TOO_DEEP');
    expect(res.body.error.message).toMatch(/嵌套超过 64 层/);
  });
});

describe('hostile files (item 5)', () => {
  it('refuses a GeoJSON file nested 100 000 levels deep with a 400 naming the file', async () => {
    const planner = await loginAs(ctx.app, 'planner');
    const deep = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":${'['.repeat(100_000)}${']'.repeat(100_000)}}}]}`;
    const res = await planner.post('/api/geo/parse').attach('file', Buffer.from(deep), 'deep.geojson').expect(400);
    expect(res.body.error.message).toBe('文件“deep.geojson”的嵌套超过 64 层，不是有效的 GeoJSON');
  });
});

describe('validation messages (item 7)', () => {
  it('are Chinese and name the field, for zod built-in checks too', async () => {
    const schema = z.object({ count: z.number().int().min(1), name: z.string().max(3), kind: z.enum(['甲', '乙']), day: z.iso.date() });
    const message = (value: unknown) => {
      try {
        parseOr400(schema, value);
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    const ok = { count: 1, name: 'ab', kind: '甲', day: '2026-01-31' };
    expect(message({ ...ok, count: 'x' })).toBe('应为数字，收到的是文本（字段 count）');
    expect(message({ ...ok, count: 0 })).toBe('不能小于 1（字段 count）');
    expect(message({ ...ok, name: 'abcd' })).toBe('最多 3 个字（字段 name）');
    expect(message({ ...ok, kind: '丙' })).toBe('应为以下之一：甲、乙（字段 kind）');
    expect(message({ ...ok, day: '2027-13-45' })).toBe('应为有效的日期，格式为 YYYY-MM-DD（字段 day）');
    expect(message({ ok: 1 })).toBe('必填（字段 count）');
    const missing = await request(ctx.app).post('/api/auth/login').send({ password: 'x' }).expect(400);
    expect(isChinese(missing.body.error.message)).toBe(true);
    expect(missing.body.error.message).toMatch(/username/);
  });
});

describe('a lost database connection (item 9)', () => {
  it('is a 503 with "请稍后重试" and Retry-After, not a 500', async () => {
    const app = express();
    app.get('/lost', async () => {
      if (ctx.db.engine === 'postgres') {
        // A real terminated backend: the connection this query runs on is killed under it.
        const trx = await ctx.db.knex.transaction();
        try {
          await trx.raw('select pg_terminate_backend(pg_backend_pid())');
        } finally {
          await trx.rollback().catch(() => {});
        }
      }
      // The embedded engine cannot lose its connection: the error node-postgres raises stands in.
      throw Object.assign(new Error('Connection terminated unexpectedly'), {});
    });
    app.use(errorHandler(() => {}));
    const res = await request(app).get('/lost').expect(503);
    expect(res.body.error.message).toMatch(/请稍后重试/);
    expect(res.headers['retry-after']).toBe('5');
    // The pool recovers by itself: the next request works.
    await request(ctx.app).get('/api/health').expect(200);
  });
});

describe('login under parallel guessing (items 11, 12)', () => {
  it('verifies at most 5 of 30 parallel wrong passwords, then refuses the right one', async () => {
    const username = await freshUser('burst');
    const burst = await Promise.all(Array.from({ length: 30 }, () => request(ctx.app).post('/api/auth/login').send({ username, password: 'wrong-guess' })));
    expect(burst.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    const verified = await ctx.db.knex('audit_log').where({ actor_username: username, action: 'auth.login_failed' }).count<{ count: number }[]>('* as count');
    expect(Number(verified[0]!.count)).toBe(5);
    expect(burst.filter((r) => r.status === 401)).toHaveLength(4);
    const right = await request(ctx.app).post('/api/auth/login').send({ username, password: PASSWORD }).expect(429);
    expect(right.body.error.code).toBe('ACCOUNT_LOCKED');
  });

  it('never lets the right password in once five guesses in the same burst failed', async () => {
    const username = await freshUser('inside');
    const bodies = Array.from({ length: 30 }, (_, i) => ({ username, password: i === 20 ? PASSWORD : 'wrong-guess' }));
    const burst = await Promise.all(bodies.map((b) => request(ctx.app).post('/api/auth/login').send(b)));
    const failed = Number((await ctx.db.knex('audit_log').where({ actor_username: username, action: 'auth.login_failed' }).count<{ count: number }[]>('* as count'))[0]!.count);
    const succeeded = burst[20]!.status === 200;
    // At most five passwords are checked per lock window, the right one included.
    expect(failed + (succeeded ? 1 : 0)).toBeLessThanOrEqual(5);
    if (failed === 5) expect(succeeded).toBe(false);
  });

  it('gives unknown users and wrong passwords the very same answer', async () => {
    const username = await freshUser('same');
    const wrong = await request(ctx.app).post('/api/auth/login').send({ username, password: 'nope' }).expect(401);
    const unknown = await request(ctx.app).post('/api/auth/login').send({ username: `${username}x`, password: 'nope' }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
  });
});

describe('a new login ends the session of the previous token (item 13)', () => {
  it('logging in again from the same browser ends the old token', async () => {
    const username = await freshUser('rotate');
    const first = await request(ctx.app).post('/api/auth/login').send({ username, password: PASSWORD }).expect(200);
    const oldCookie = String(first.headers['set-cookie']).split(';')[0]!;
    const second = await request(ctx.app).post('/api/auth/login').set('Cookie', oldCookie).send({ username, password: PASSWORD }).expect(200);
    const newCookie = String(second.headers['set-cookie']).split(';')[0]!;
    expect(newCookie).not.toBe(oldCookie);
    await request(ctx.app).get('/api/auth/me').set('Cookie', oldCookie).expect(401);
    await request(ctx.app).get('/api/auth/me').set('Cookie', newCookie).expect(200);
  });
});

describe('append-only tables refuse TRUNCATE (item 14)', () => {
  for (const statement of ['truncate audit_log', 'truncate factor_movements cascade', 'truncate project_stage_history', 'truncate users cascade']) {
    it(`refuses "${statement}"`, async () => {
      // Inside a transaction that is rolled back, so a missing trigger could not wipe the shared database.
      const trx = await ctx.db.knex.transaction();
      try {
        await expect(trx.raw(statement)).rejects.toThrow(/append-only: TRUNCATE refused/);
      } finally {
        await trx.rollback().catch(() => {});
      }
      expect(Number((await ctx.db.knex('audit_log').count<{ count: number }[]>('* as count'))[0]!.count)).toBeGreaterThan(0);
    });
  }
});

describe('ids, dates and coordinate systems (items 3, 4, 5)', () => {
  it('refuses ids that are not plain int4 decimals, so 0x10 never acts on project 16', async () => {
    const city = await loginAs(ctx.app, 'city');
    for (const id of ['0x10', '1e3', '99999999999', '2147483648', '0', '-3', ' 7', '16.0']) {
      const res = await city.get(`/api/projects/${encodeURIComponent(id)}`).expect(400);
      expect(res.body.error.message).toBe('项目编号无效：须为不超过 2147483647 的正整数');
    }
    const recallsBefore = Number((await ctx.db.knex('factor_movements').where({ kind: '收回' }).count<{ count: number }[]>('* as count'))[0]!.count);
    await city.post('/api/projects/0x10/recall').send({ reason: '测试', outcome: '终止' }).expect(400);
    await city.post('/api/projects/1e3/recall').send({ reason: '测试', outcome: '终止' }).expect(400);
    const recallsAfter = Number((await ctx.db.knex('factor_movements').where({ kind: '收回' }).count<{ count: number }[]>('* as count'))[0]!.count);
    expect(recallsAfter).toBe(recallsBefore);
    await city.get('/api/tasks/0x1').expect(400);
    await city.get('/api/meetings/99999999999').expect(400);
    await city.get('/api/allocation-plans/1e2').expect(400);
    const planner = await loginAs(ctx.app, 'planner');
    await planner.get('/api/layers/farmland/features/0x10').expect(400);
    // A report link with a broken id answers like a missing report (siting-report.test.ts).
    await planner.get('/api/siting/reports/99999999999').expect(404);
    await planner.get('/api/siting/reports/0x10').expect(404);
  });

  it('refuses out-of-range ids in bodies and queries with a Chinese 400', async () => {
    const city = await loginAs(ctx.app, 'city');
    const meeting = await city.post('/api/meetings').send({ title: '测试会议', date: '2026-12-10', problemIds: [99999999999] }).expect(400);
    expect(meeting.body.error.message).toMatch(/编号超出范围.*problemIds/);
    const ledger = await city.get('/api/factors/movements?accountId=99999999999').expect(400);
    expect(ledger.body.error.message).toMatch(/编号超出范围|账户编号/);
    await city.get('/api/factors/movements?accountId=0x10').expect(400);
    const page = await city.get('/api/factors/movements?page=99999999999').expect(400);
    expect(page.body.error.message).toMatch(/页码过大/);
  });

  it('refuses dates that match the format but not the calendar, in bodies and in filters', async () => {
    const city = await loginAs(ctx.app, 'city');
    for (const date of ['2027-13-45', '0000-01-01', '2026-02-30']) {
      const res = await city.post('/api/meetings').send({ title: '测试会议', date, problemIds: [1] }).expect(400);
      expect(res.body.error.message).toMatch(/有效日期.*date/);
    }
    const auditor = await loginAs(ctx.app, 'auditor');
    await auditor.get('/api/audit?from=0000-01-01').expect(400);
    await auditor.get('/api/audit?to=2027-02-29').expect(400);
  });

  it('answers an unknown EPSG code with a 400 that names it', async () => {
    const planner = await loginAs(ctx.app, 'planner');
    const geojson = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 0]]] } }] });
    const res = await planner.post('/api/geo/parse').field('crs', 'EPSG:99999').attach('file', Buffer.from(geojson), 'x.geojson').expect(400);
    expect(res.body.error.message).toMatch(/EPSG:99999/);
  });
});
