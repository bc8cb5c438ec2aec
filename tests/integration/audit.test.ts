import { createHash } from 'node:crypto';
import request from 'supertest';
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

describe('GET /api/audit/verify (hash chain, issue 11 item 15)', () => {
  const count = async () => Number((await ctx.db.knex('audit_log').count<{ count: number }[]>('* as count'))[0]!.count);

  it('finds the chain intact, also after parallel writers, and is for the auditor only', async () => {
    const auditor = await loginAs(ctx.app, 'auditor');
    // Twenty audited logins at once: the chain head serialises them.
    await Promise.all(Array.from({ length: 20 }, () => request(ctx.app).post('/api/auth/login').send({ username: 'nobody-here', password: 'x' })));
    const res = await auditor.get('/api/audit/verify').expect(200);
    expect(res.body).toMatchObject({ ok: true, firstBrokenId: null, reason: null });
    expect(res.body.rows).toBeGreaterThanOrEqual(20);
    expect(res.body.rows).toBeLessThanOrEqual(await count());
    for (const user of ['admin', 'security', 'city']) await (await loginAs(ctx.app, user)).get('/api/audit/verify').expect(403);
  });

  it('names the first row changed behind the triggers’ back, and is whole again once it is restored', async () => {
    const auditor = await loginAs(ctx.app, 'auditor');
    const victim = await ctx.db.knex('audit_log').where({ action: 'auth.login' }).orderBy('id').first('id', ctx.db.knex.raw('detail::text as detail'));
    const rewrite = (detail: string) =>
      ctx.db.knex.transaction(async (trx) => {
        // What a superuser can do: switch the append-only trigger off for one statement.
        await trx.raw('alter table audit_log disable trigger audit_log_append_only');
        await trx.raw('update audit_log set detail = ?::jsonb where id = ?', [detail, victim.id]);
        await trx.raw('alter table audit_log enable trigger audit_log_append_only');
      });
    await rewrite('{"note": "篡改"}');
    try {
      const broken = await auditor.get('/api/audit/verify').expect(200);
      expect(broken.body).toMatchObject({ ok: false, firstBrokenId: Number(victim.id), reason: 'changed' });
    } finally {
      await rewrite(victim.detail);
    }
    const whole = await auditor.get('/api/audit/verify').expect(200);
    expect(whole.body.ok).toBe(true);
  });

  it('links every new row to the row before it, in id order', async () => {
    const rows = await ctx.db.knex('audit_log').orderBy('id', 'desc').limit(5).select('id', 'hash', 'prev_hash');
    for (let i = 0; i < rows.length - 1; i++) expect(rows[i].prev_hash).toBe(rows[i + 1].hash);
    // The hash recomputed here from the stored fields (SHA-256 over the fields joined by U+001F).
    const r = await ctx.db.knex('audit_log').orderBy('id', 'desc').first(
      'id', 'actor_id', 'actor_username', 'action', 'entity_kind', 'entity_id', 'ip', 'prev_hash', 'hash',
      ctx.db.knex.raw(`to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as at_utc`),
      ctx.db.knex.raw('detail::text as detail_text'),
    );
    const fields = [r.id, r.at_utc, r.actor_id ?? '', r.actor_username ?? '', r.action, r.entity_kind ?? '', r.entity_id ?? '', r.detail_text, r.ip ?? '', r.prev_hash];
    expect(createHash('sha256').update(fields.map(String).join('\x1f'), 'utf8').digest('hex')).toBe(r.hash);
    const head = await ctx.db.knex('audit_chain').first('head_id', 'head_hash');
    const last = await ctx.db.knex('audit_log').orderBy('id', 'desc').first('id', 'hash');
    expect(Number(head.head_id)).toBeGreaterThanOrEqual(Number(last.id));
  });
});
