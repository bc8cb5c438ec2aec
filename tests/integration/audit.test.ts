import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs, testContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testContext();
});

describe('GET /api/audit', () => {
  it('lets the auditor search the trail by actor, action and record, newest first', async () => {
    await loginAs(ctx.app, 'planner');
    const auditor = await loginAs(ctx.app, 'auditor');
    const res = await auditor.get('/api/audit?actor=planner&action=auth.login&limit=5').expect(200);
    expect(res.body.total).toBeGreaterThanOrEqual(1);
    expect(res.body.items.length).toBeGreaterThanOrEqual(1);
    for (const a of res.body.items) expect(a).toMatchObject({ actor: 'planner', action: 'auth.login' });
    const ids = res.body.items.map((a: { id: number }) => a.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const byDay = await auditor.get(`/api/audit?actor=planner&from=${today}&to=${today}`).expect(200);
    expect(byDay.body.total).toBeGreaterThanOrEqual(1);
    await auditor.get('/api/audit?from=2026-13-01').expect(400);
  });

  it('is for the auditor only: the system admin and the command are refused', async () => {
    for (const user of ['admin', 'city', 'leader']) await (await loginAs(ctx.app, user)).get('/api/audit').expect(403);
  });
});
