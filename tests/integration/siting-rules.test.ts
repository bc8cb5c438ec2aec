import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { refreshLayerStats } from '../../server/src/modules/blueprint/layers.repository.ts';
import { SITING_RULES } from '../../server/src/modules/siting/siting-rules.ts';
import { loginAs, testContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
let admin: Awaited<ReturnType<typeof loginAs>>;
let planner: Awaited<ReturnType<typeof loginAs>>;
const suffix = Date.now().toString(36);
const layerKey = `rule-test-${suffix}`;
const ruleId = `rule-test-${suffix}`;
// A 0.01° square in 茌平区 and a site inside it.
const square = { type: 'Polygon', coordinates: [[[116.2, 36.6], [116.21, 36.6], [116.21, 36.61], [116.2, 36.61], [116.2, 36.6]]] };
const site = { type: 'Polygon', coordinates: [[[116.202, 36.602], [116.205, 36.602], [116.205, 36.605], [116.202, 36.605], [116.202, 36.602]]] };

const findingOf = async () => {
  const res = await planner.post('/api/siting/analyze').send({ geometry: site }).expect(200);
  return res.body.findings.find((f: { layer: string }) => f.layer === layerKey);
};

beforeAll(async () => {
  ctx = await testContext();
  admin = await loginAs(ctx.app, 'admin');
  planner = await loginAs(ctx.app, 'planner');
  const [layer] = await ctx.db.knex('layers').insert({ key: layerKey, name: '规则测试图层', group_name: '三区三线', kind: 'hard', geometry_type: 'polygon' }).returning('id');
  await ctx.db.knex.raw(`insert into layer_features (layer_id, properties, geom) values (?, '{"name":"测试管控区"}', ST_SetSRID(ST_GeomFromGeoJSON(?), 4326))`, [layer.id, JSON.stringify(square)]);
  await refreshLayerStats(ctx.db.knex, layer.id);
});

describe('siting rules as data', () => {
  it('are seeded from the defaults, in order, and readable by planners and by rule admins', async () => {
    expect((await admin.get('/api/siting/rules').expect(200)).body.length).toBeGreaterThanOrEqual(SITING_RULES.length);
    const res = await planner.get('/api/siting/rules').expect(200);
    const ids = res.body.map((r: { id: string }) => r.id);
    expect(ids.filter((id: string) => SITING_RULES.some((d) => d.id === id))).toEqual(SITING_RULES.map((r) => r.id));
    expect(res.body.find((r: { id: string }) => r.id === 'farmland')).toMatchObject({ layer: 'farmland', severity: 'forbidden', enabled: true });
  });

  it('apply the hard-layer default to a newly registered hard layer', async () => {
    expect(await findingOf()).toMatchObject({ rule: 'hard-default', severity: 'forbidden' });
  });

  it('let an admin add a layer rule, change it and disable it; each change applies to the next analysis and is audited', async () => {
    const created = await admin
      .post('/api/siting/rules')
      .send({ id: ruleId, layer: layerKey, measure: 'inside', severity: 'info', message: '选址涉及{layerName} {overlapMu} 亩，仅作提示', basis: '测试依据' })
      .expect(201);
    expect(created.body).toMatchObject({ id: ruleId, layer: layerKey, severity: 'info', enabled: true });
    const info = await findingOf();
    expect(info).toMatchObject({ rule: ruleId, severity: 'info' });
    expect(info.message).toMatch(/^选址涉及规则测试图层 \d+\.\d{2} 亩，仅作提示$/);

    await admin.put(`/api/siting/rules/${ruleId}`).send({ severity: 'adjust' }).expect(200);
    expect(await findingOf()).toMatchObject({ rule: ruleId, severity: 'adjust' });

    await admin.put(`/api/siting/rules/${ruleId}`).send({ enabled: false }).expect(200);
    expect(await findingOf()).toMatchObject({ rule: 'hard-default', severity: 'forbidden' });

    const audit = await ctx.db.knex('audit_log').where({ entity_kind: 'siting_rule', entity_id: ruleId }).orderBy('id').select('action', 'actor_username');
    expect(audit).toEqual([
      { action: 'siting_rule.create', actor_username: 'admin' },
      { action: 'siting_rule.update', actor_username: 'admin' },
      { action: 'siting_rule.update', actor_username: 'admin' },
    ]);
  });

  it('refuse changes by non-admins and bad values with Chinese messages', async () => {
    const forbidden = await planner.put('/api/siting/rules/heritage').send({ severity: 'forbidden' }).expect(403);
    expect(forbidden.body.error.message).toMatch(/权限/);
    const bad = await admin.put('/api/siting/rules/heritage').send({ severity: 'maybe' }).expect(400);
    expect(bad.body.error.message).toMatch(/严重程度/);
    const unknownField = await admin.put('/api/siting/rules/heritage').send({ layer: 'farmland' }).expect(400);
    expect(unknownField.body.error.message).toMatch(/只能修改/);
    await admin.put('/api/siting/rules/no-such-rule').send({ severity: 'info' }).expect(404);
    const lineLayer = await admin.post('/api/siting/rules').send({ id: `roads-${suffix}`, layer: 'main-roads', measure: 'inside', severity: 'info', message: '道路测试规则' }).expect(400);
    expect(lineLayer.body.error.message).toMatch(/面图层/);
    await request(ctx.app).get('/api/siting/rules').expect(401);
    const heritage = (await planner.get('/api/siting/rules').expect(200)).body.find((r: { id: string }) => r.id === 'heritage');
    expect(heritage.severity).toBe('adjust');
  });
});
