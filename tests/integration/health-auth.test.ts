import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { listMigrations } from '../../server/src/db/migration-source.ts';
import { hashPassword } from '../../server/src/modules/auth/password.ts';
import { loginAs, testContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testContext();
});

describe('GET /api/health', () => {
  it('names the engine, the PostGIS version and the schema version', async () => {
    const res = await request(ctx.app).get('/api/health').expect(200);
    expect(res.body.engine).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    expect(res.body.postgis).toMatch(/^3\.\d+/);
    expect(res.body.schemaVersion).toBe(listMigrations().at(-1));
    expect(res.body.mvt).toBe(res.body.engine === 'postgres');
  });
});

describe('POST /api/auth/login', () => {
  it('sets an httpOnly session cookie and returns the user with roles and scope', async () => {
    const res = await request(ctx.app).post('/api/auth/login').send({ username: 'planner', password: 'Demo#2026' }).expect(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/ob_session=[A-Za-z0-9_-]{40,}/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(res.body.user).toMatchObject({ username: 'planner', roles: [{ key: 'county_planner', name: '县级谋划人员' }], scope: { level: 'county', regionName: '东昌府区' } });
    expect(res.body.user.permissions).toContain('siting.use');
  });

  it('answers a wrong password with 401 and a Chinese message', async () => {
    const res = await request(ctx.app).post('/api/auth/login').send({ username: 'leader', password: 'wrong-password' }).expect(401);
    expect(res.body.error.code).toBe('BAD_CREDENTIALS');
    expect(res.body.error.message).toMatch(/用户名或密码错误/);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('gives an unknown user the same answer as a wrong password', async () => {
    const res = await request(ctx.app).post('/api/auth/login').send({ username: 'nobody', password: 'x' }).expect(401);
    expect(res.body.error.message).toBe('用户名或密码错误');
  });

  it('rejects missing fields and bodies that are not JSON with 400', async () => {
    const missing = await request(ctx.app).post('/api/auth/login').send({ username: 'planner' }).expect(400);
    expect(missing.body.error.message).toMatch(/密码/);
    const broken = await request(ctx.app).post('/api/auth/login').set('Content-Type', 'application/json').send('{"username":').expect(400);
    expect(broken.body.error.message).toBe('请求内容不是有效的 JSON');
  });

  it('locks an account for 10 minutes after 5 wrong passwords, even for the right one', async () => {
    const username = `lock${Date.now().toString(36)}`;
    await ctx.db.knex('users').insert({ username, display_name: '锁定测试', password_hash: await hashPassword('Right#Pass1') });
    for (let i = 1; i <= 4; i++) {
      const res = await request(ctx.app).post('/api/auth/login').send({ username, password: 'bad' }).expect(401);
      // The same answer as for an unknown user (issue 11, item 12): no remaining count.
      expect(res.body.error.message).toBe('用户名或密码错误');
    }
    const fifth = await request(ctx.app).post('/api/auth/login').send({ username, password: 'bad' }).expect(429);
    expect(fifth.body.error.message).toMatch(/锁定 10 分钟/);
    const right = await request(ctx.app).post('/api/auth/login').send({ username, password: 'Right#Pass1' }).expect(429);
    expect(right.body.error.message).toMatch(/请 (9|10) 分钟后再试/);
    const audit = await ctx.db.knex('audit_log').where({ actor_username: username, action: 'auth.login_failed' }).count<{ count: number }[]>('* as count');
    expect(Number(audit[0]!.count)).toBe(5);
  });
});

describe('sessions', () => {
  it('/me follows the cookie; logout ends the session', async () => {
    const agent = await loginAs(ctx.app, 'city');
    await agent.get('/api/auth/me').expect(200);
    await agent.post('/api/auth/logout').expect(204);
    const after = await agent.get('/api/auth/me').expect(401);
    expect(after.body.error.message).toMatch(/重新登录/);
  });

  it('"log out everywhere" ends every session of the user', async () => {
    // Its own user, not a demo account other test files are logged in as at the same time.
    const username = `all${Date.now().toString(36)}`;
    const [user] = await ctx.db.knex('users').insert({ username, display_name: '退出测试', password_hash: await hashPassword('Right#Pass1') }).returning('id');
    await ctx.db.knex('user_roles').insert({ user_id: user.id, role_key: 'leader' });
    const a = await loginAs(ctx.app, username, 'Right#Pass1');
    const b = await loginAs(ctx.app, username, 'Right#Pass1');
    await a.post('/api/auth/logout-all').expect(204);
    await b.get('/api/auth/me').expect(401);
  });

  it('a disabled user loses their sessions at once', async () => {
    const username = `dis${Date.now().toString(36)}`;
    const [user] = await ctx.db.knex('users').insert({ username, display_name: '停用测试', password_hash: await hashPassword('Right#Pass1') }).returning('id');
    await ctx.db.knex('user_roles').insert({ user_id: user.id, role_key: 'leader' });
    const agent = await loginAs(ctx.app, username, 'Right#Pass1');
    await agent.get('/api/auth/me').expect(200);
    await ctx.db.knex('users').where({ id: user.id }).update({ status: 'disabled' });
    await agent.get('/api/auth/me').expect(401);
    const again = await request(ctx.app).post('/api/auth/login').send({ username, password: 'Right#Pass1' }).expect(403);
    expect(again.body.error.message).toMatch(/已停用/);
  });

  it('an idle session expires', async () => {
    // Its own user: other test files (in parallel on PostgreSQL) keep sessions of the demo reviewers.
    const username = `idle${Date.now().toString(36)}`;
    const [user] = await ctx.db.knex('users').insert({ username, display_name: '闲置测试', password_hash: await hashPassword('Right#Pass1') }).returning('id');
    await ctx.db.knex('user_roles').insert({ user_id: user.id, role_key: 'leader' });
    const agent = await loginAs(ctx.app, username, 'Right#Pass1');
    await agent.get('/api/auth/me').expect(200);
    await ctx.db.knex('sessions').where({ user_id: user.id }).update({ last_seen_at: ctx.db.knex.raw(`now() - interval '31 minutes'`) });
    await agent.get('/api/auth/me').expect(401);
  });

  it('refuses a state-changing request from another site', async () => {
    const res = await request(ctx.app).post('/api/auth/login').set('Origin', 'https://evil.example').send({ username: 'planner', password: 'Demo#2026' }).expect(401);
    expect(res.body.error.code).toBe('CROSS_SITE');
  });
});

describe('audit log', () => {
  it('records logins and refuses to be rewritten', async () => {
    await loginAs(ctx.app, 'auditor');
    const row = await ctx.db.knex('audit_log').where({ action: 'auth.login', actor_username: 'auditor' }).orderBy('id', 'desc').first();
    expect(row).toBeTruthy();
    await expect(ctx.db.knex('audit_log').where({ id: row.id }).update({ action: 'x' })).rejects.toThrow(/append-only/);
    await expect(ctx.db.knex('audit_log').where({ id: row.id }).del()).rejects.toThrow(/append-only/);
  });
});

describe('unknown API paths', () => {
  it('answer 404 as JSON', async () => {
    const res = await request(ctx.app).get('/api/nope').expect(404);
    expect(res.body.error.message).toMatch(/接口不存在/);
  });
});
