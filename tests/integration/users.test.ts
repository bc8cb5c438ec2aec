import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs, testContext, type TestContext } from '../support/test-app.ts';

// Issue 11, item 16: 用户管理 for the security administrator, with 三权分立 and the password policy.
let ctx: TestContext;
let security: Awaited<ReturnType<typeof loginAs>>;
beforeAll(async () => {
  ctx = await testContext();
  security = await loginAs(ctx.app, 'security');
});

const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function createUser(body: Record<string, unknown>) {
  const res = await security.post('/api/users').send(body);
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { user: { id: number; username: string; mustChangePassword: boolean; roles: { key: string }[] }; oneTimePassword: string };
}

async function login(username: string, password: string) {
  const agent = request.agent(ctx.app);
  const res = await agent.post('/api/auth/login').send({ username, password });
  return { agent, res };
}

describe('who may manage accounts', () => {
  it('refuses every role but the security administrator with 403, whatever the body', async () => {
    for (const who of ['admin', 'auditor', 'city', 'planner']) {
      const agent = await loginAs(ctx.app, who);
      await agent.get('/api/users').expect(403);
      await agent.post('/api/users').send('not json at all').set('Content-Type', 'application/json').expect((r) => expect(r.status).toBe(403));
      await agent.post('/api/users').send({ nonsense: true }).expect(403);
      await agent.put('/api/users/1').send({}).expect(403);
      await agent.post('/api/users/1/password-reset').expect(403);
    }
    await request(ctx.app).get('/api/users').expect(401);
  });

  it('lists the accounts with roles, duty and home', async () => {
    const res = await security.get('/api/users?q=zrzy').expect(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ username: 'zrzy', department: { code: 'zrzy' }, roles: [{ key: 'reviewer', duty: null }], status: 'active' });
    const wildcard = await security.get('/api/users?q=%25').expect(200);
    expect(wildcard.body.items).toHaveLength(0);
    const options = await security.get('/api/users/options').expect(200);
    expect(options.body.roles.find((r: { key: string }) => r.key === 'auditor')).toMatchObject({ duty: 'audit' });
    expect(options.body.departments.length).toBeGreaterThan(5);
  });
});

describe('creating an account', () => {
  it('gives a one-time password that must be changed before anything else works', async () => {
    const username = unique('new');
    const { user, oneTimePassword } = await createUser({ username, displayName: '新用户', roles: ['leader'] });
    expect(user).toMatchObject({ username, mustChangePassword: true, roles: [{ key: 'leader' }] });
    expect(oneTimePassword).toMatch(/^.{12}$/);

    const { agent, res } = await login(username, oneTimePassword);
    expect(res.status).toBe(200);
    expect(res.body.user.mustChangePassword).toBe(true);
    const blocked = await agent.get('/api/projects').expect(403);
    expect(blocked.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    await agent.get('/api/auth/me').expect(200);

    const weak = await agent.post('/api/auth/password').send({ currentPassword: oneTimePassword, newPassword: 'short1A' }).expect(400);
    expect(weak.body.error.message).toBe('密码至少 10 位');
    const withName = await agent.post('/api/auth/password').send({ currentPassword: oneTimePassword, newPassword: `${username}#A1` }).expect(400);
    expect(withName.body.error.message).toBe('密码不能包含用户名');
    const same = await agent.post('/api/auth/password').send({ currentPassword: oneTimePassword, newPassword: oneTimePassword }).expect(400);
    expect(same.body.error.code).toBe('PASSWORD_REUSED');
    const wrongCurrent = await agent.post('/api/auth/password').send({ currentPassword: 'nope', newPassword: 'Fresh#Pass2026' }).expect(400);
    expect(wrongCurrent.body.error.message).toBe('当前密码不正确');

    await agent.post('/api/auth/password').send({ currentPassword: oneTimePassword, newPassword: 'Fresh#Pass2026' }).expect(204);
    const me = await agent.get('/api/auth/me').expect(200);
    expect(me.body.user.mustChangePassword).toBe(false);
    await agent.get('/api/projects').expect(200);
    expect((await login(username, oneTimePassword)).res.status).toBe(401);
  });

  it('refuses the last five passwords', async () => {
    const username = unique('hist');
    const { oneTimePassword } = await createUser({ username, displayName: '历史', roles: ['leader'] });
    const { agent } = await login(username, oneTimePassword);
    const passwords = ['First#Pass2026', 'Second#Pass2026', 'Third#Pass2026'];
    let current = oneTimePassword;
    for (const next of passwords) {
      await agent.post('/api/auth/password').send({ currentPassword: current, newPassword: next }).expect(204);
      current = next;
    }
    const back = await agent.post('/api/auth/password').send({ currentPassword: current, newPassword: 'First#Pass2026' }).expect(400);
    expect(back.body.error.message).toBe('新密码不能与最近 5 次使用过的密码相同');
  });

  it('refuses two of the three duties on one account, unknown roles, missing homes and taken names', async () => {
    const both = await security.post('/api/users').send({ username: unique('duo'), displayName: '兼任', roles: ['security_admin', 'auditor'] }).expect(400);
    expect(both.body.error.code).toBe('SEPARATION_OF_DUTIES');
    expect(both.body.error.message).toMatch(/三权分立.*安全管理员.*安全审计员/);
    const sysAudit = await security.post('/api/users').send({ username: unique('duo'), displayName: '兼任', roles: ['system_admin', 'auditor'] }).expect(400);
    expect(sysAudit.body.error.code).toBe('SEPARATION_OF_DUTIES');
    const unknown = await security.post('/api/users').send({ username: unique('x'), displayName: '未知', roles: ['king'] }).expect(400);
    expect(unknown.body.error.message).toBe('角色 king 不存在');
    const county = await security.post('/api/users').send({ username: unique('cty'), displayName: '县级', roles: ['county_planner'] }).expect(400);
    expect(county.body.error.message).toMatch(/须指定所属县/);
    const taken = await security.post('/api/users').send({ username: 'planner', displayName: '重复', roles: ['leader'] }).expect(409);
    expect(taken.body.error.message).toBe('用户名 planner 已被使用');
    const badName = await security.post('/api/users').send({ username: '1abc', displayName: '坏名', roles: ['leader'] }).expect(400);
    expect(badName.body.error.message).toMatch(/用户名须以字母开头/);
    expect(await ctx.db.knex('users').where('username', 'like', 'duo%').count<{ count: number }[]>('* as count').then((r) => Number(r[0]!.count))).toBe(0);
  });
});

describe('editing an account', () => {
  it('records before and after, and a disabled account loses its sessions', async () => {
    const username = unique('edit');
    const { user, oneTimePassword } = await createUser({ username, displayName: '编辑前', roles: ['leader'] });
    const { agent } = await login(username, oneTimePassword);
    await agent.get('/api/auth/me').expect(200);
    const res = await security
      .put(`/api/users/${user.id}`)
      .send({ displayName: '编辑后', roles: ['reviewer'], departmentCode: 'sthj', enabled: false })
      .expect(200);
    expect(res.body).toMatchObject({ displayName: '编辑后', status: 'disabled', department: { code: 'sthj' }, roles: [{ key: 'reviewer' }] });
    await agent.get('/api/auth/me').expect(401);
    const audit = await ctx.db.knex('audit_log').where({ action: 'user.update', entity_id: String(user.id) }).first('detail', 'actor_username');
    expect(audit.actor_username).toBe('security');
    expect(audit.detail).toMatchObject({ before: { displayName: '编辑前', status: 'active', roles: ['leader'] }, after: { displayName: '编辑后', status: 'disabled', roles: ['reviewer'], department: 'sthj' } });
  });

  it('does not let the security administrator change its own roles or status', async () => {
    const me = (await security.get('/api/auth/me').expect(200)).body.user;
    const res = await security.put(`/api/users/${me.id}`).send({ displayName: me.displayName, roles: ['security_admin', 'city_command'], enabled: true }).expect(403);
    expect(res.body.error.code).toBe('SELF_CHANGE');
    await security.put(`/api/users/${me.id}`).send({ displayName: me.displayName, roles: ['security_admin'], enabled: false }).expect(403);
  });

  it('refuses ids that are not plain int4 decimals with 400, and a missing one with 404', async () => {
    for (const id of ['0x10', '1e3', '99999999999', '2147483648', '0', '-1', '%2B5', '1.0']) {
      const res = await security.get(`/api/users/${id}`).expect(400);
      expect(res.body.error.message).toBe('用户编号无效：须为不超过 2147483647 的正整数');
    }
    const missing = await security.get('/api/users/2147483647').expect(404);
    expect(missing.body.error.message).toBe('用户不存在或无权访问');
  });
});

describe('password reset and sessions', () => {
  it('a reset gives a new one-time password and ends the user’s sessions; a session can be ended alone', async () => {
    const username = unique('rst');
    const { user, oneTimePassword } = await createUser({ username, displayName: '重置', roles: ['leader'] });
    const first = await login(username, oneTimePassword);
    await first.agent.post('/api/auth/password').send({ currentPassword: oneTimePassword, newPassword: 'Mine#Pass2026' }).expect(204);
    const second = await login(username, 'Mine#Pass2026');
    const sessions = await security.get(`/api/users/${user.id}/sessions`).expect(200);
    expect(sessions.body.items).toHaveLength(2);
    await security.delete(`/api/users/${user.id}/sessions/${sessions.body.items[0].id}`).expect(200);
    expect((await security.get(`/api/users/${user.id}/sessions`).expect(200)).body.items).toHaveLength(1);
    await security.delete(`/api/users/${user.id}/sessions/zzzz`).expect(404);

    const reset = await security.post(`/api/users/${user.id}/password-reset`).expect(200);
    expect(reset.body.oneTimePassword).not.toBe(oneTimePassword);
    await first.agent.get('/api/auth/me').expect(401);
    await second.agent.get('/api/auth/me').expect(401);
    expect((await login(username, 'Mine#Pass2026')).res.status).toBe(401);
    const after = await login(username, reset.body.oneTimePassword);
    expect(after.res.body.user.mustChangePassword).toBe(true);
  });
});
