import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import proj4 from 'proj4';
// Registered by factors-ledger.test.ts (after its own tests): see the note there.
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs, testContext, type TestContext } from '../support/test-app.ts';

const GK39 = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
type XY = [number, number];
const demoFile = (key: string) => JSON.parse(readFileSync(new URL(`../../data/demo/${key}.geojson`, import.meta.url), 'utf8')) as GeoJSON.FeatureCollection;

let ctx: TestContext;
const agents = new Map<string, Awaited<ReturnType<typeof loginAs>>>();
const as = async (user: string) => {
  if (!agents.has(user)) agents.set(user, await loginAs(ctx.app, user));
  return agents.get(user)!;
};
let site: GeoJSON.Polygon;
const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

beforeAll(async () => {
  ctx = await testContext();
  const parcel = demoFile('stock-land').features.find((f) => f.properties!.code === '371502-CL-0002')!;
  const [x, y] = proj4('EPSG:4326', GK39, turf.pointOnFeature(parcel).geometry.coordinates as XY) as XY;
  site = { type: 'Polygon', coordinates: [[[x - 30, y - 30], [x + 30, y - 30], [x + 30, y + 30], [x - 30, y + 30], [x - 30, y - 30]].map((p) => proj4(GK39, 'EPSG:4326', p) as XY)] };
});

/** A project of the planner taken through 策划生成 into 储备 (every department agrees). */
async function reserveProject(name: string, needs: Record<string, number>): Promise<{ id: number; code: string }> {
  const planner = await as('planner');
  const created = await planner.post('/api/projects').send({ name, unitName: '聊城测试要素有限公司', county: '371502', type: '社会投资', industryCode: 'C3612', investmentWan: 50_000, needs, site: { geometry: site } }).expect(201);
  const tasks = (await planner.post(`/api/projects/${created.body.id}/submissions`).send({}).expect(201)).body.tasks as { id: number; department: string }[];
  for (const t of tasks) await (await as(t.department)).post(`/api/tasks/${t.id}/opinion`).send({ verdict: 'agree', text: '同意。' }).expect(200);
  expect((await planner.get(`/api/projects/${created.body.id}`).expect(200)).body.stage).toBe('储备');
  return created.body;
}

const balance = async (factor: string, ownerKind: string, code: string) => {
  const rows = (await (await as('city')).get(`/api/factors/accounts?factor=${factor}&ownerKind=${ownerKind}&year=${year}`).expect(200)).body as { owner: { code: string }; balance: number; fundingSource: string }[];
  return rows.find((a) => a.owner.code === code && a.fundingSource === '')?.balance ?? 0;
};

describe('allocation plans', () => {
  it('plans county first, then the city pool; approval posts 分配, the green channel opens, and the demand is a hard limit', async () => {
    const needs = { landMu: 30, energyTce: 2000, codT: 1.2 };
    const project = await reserveProject('要素配置测试项目', needs);
    const before = { land: await balance('land', 'county', '371502'), energy: await balance('energy', 'county', '371502'), cod: await balance('cod', 'county', '371502'), cityCod: await balance('cod', 'city', '371500') };
    const city = await as('city');
    const plan = await city.post(`/api/projects/${project.id}/allocation-plan`).send({}).expect(201);
    expect(plan.body.number).toMatch(new RegExp(`^PZ-${year}-\\d{4}$`));
    const item = (factor: string) => plan.body.items.find((i: { factor: string }) => i.factor === factor);
    expect(item('land')).toMatchObject({ needed: 30, fromCounty: Math.min(30, before.land), gap: Math.max(0, 30 - before.land - (await balance('land', 'city', '371500'))) });
    const codFromCounty = Math.min(1.2, before.cod);
    expect(item('cod').fromCounty).toBeCloseTo(codFromCounty, 4);
    expect(item('cod').fromCity).toBeCloseTo(Math.min(1.2 - codFromCounty, before.cityCod), 4);
    expect(plan.body.complete).toBe(true);
    expect((await city.get(`/api/projects/${project.id}`).expect(200)).body.stage).toBe('要素保障');

    const approved = await city.post(`/api/allocation-plans/${plan.body.id}/approve`).send({}).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', complete: true, greenChannel: true, stage: '审批' });
    expect(await balance('land', 'county', '371502')).toBeCloseTo(before.land - item('land').fromCounty, 4);
    expect(await balance('land', 'project', project.code)).toBeCloseTo(30, 4);
    const detail = (await city.get(`/api/projects/${project.id}`).expect(200)).body;
    expect(detail).toMatchObject({ stage: '审批', greenChannel: true, stageLabel: '审批（绿色通道）' });
    await city.post(`/api/allocation-plans/${plan.body.id}/approve`).send({}).expect(409);

    // The database refuses one 亩 more than the demand, even through the plain ledger endpoint.
    const movementsBefore = Number((await ctx.db.knex('factor_movements').count({ n: '*' }))[0]!.n);
    const beyond = await city
      .post('/api/factors/movements')
      .send({ kind: '分配', from: { factor: 'land', owner: { kind: 'county', code: '371502' }, year }, to: { factor: 'land', owner: { kind: 'project', code: project.code }, year }, amount: 1, requestKey: `beyond-${Date.now()}`, documentNo: '测试', reason: '超出需求的分配' })
      .expect(409);
    expect(beyond.body.error.message).toMatch(/超过其要素需求/);
    expect(Number((await ctx.db.knex('factor_movements').count({ n: '*' }))[0]!.n)).toBe(movementsBefore);
  });

  it('lists a gap no pool can fill, with a solution and a time limit; approval leaves the project in 要素保障', async () => {
    const project = await reserveProject('要素缺口测试项目', { landMu: 900_000 });
    const city = await as('city');
    const pools = { county: await balance('land', 'county', '371502'), city: await balance('land', 'city', '371500') };
    const plan = await city.post(`/api/projects/${project.id}/allocation-plan`).send({}).expect(201);
    const land = plan.body.items.find((i: { factor: string }) => i.factor === 'land');
    expect(land.gap).toBeGreaterThan(0);
    expect(land.fromCounty + land.fromCity + land.gap).toBeCloseTo(900_000, 4);
    expect(['调剂', '拆借', '预支']).toContain(land.solution.kind);
    expect(land.solution.note).toMatch(/[\u4e00-\u9fa5]/);
    expect(land.deadline > new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())).toBe(true);
    expect(plan.body.complete).toBe(false);
    const approved = await city.post(`/api/allocation-plans/${plan.body.id}/approve`).send({}).expect(200);
    expect(approved.body).toMatchObject({ complete: false, greenChannel: false, stage: '要素保障' });
    // A new plan recomputes from what is already allocated.
    const again = await city.post(`/api/projects/${project.id}/allocation-plan`).send({}).expect(201);
    expect(again.body.items.find((i: { factor: string }) => i.factor === 'land').allocatedBefore).toBeCloseTo(land.fromCounty + land.fromCity, 4);
    // Giving up the project returns every 亩 to the pool it came from.
    await city.post(`/api/projects/${project.id}/recall`).send({ reason: '缺口无法解决，项目终止', outcome: '终止', documentNo: '聊要素〔2026〕2号' }).expect(200);
    expect(await balance('land', 'county', '371502')).toBeCloseTo(pools.county, 4);
    expect(await balance('land', 'city', '371500')).toBeCloseTo(pools.city, 4);
  });

  it('recalls the unused part after abandonment, keeping what was used, and takes the project out of its libraries', async () => {
    const project = await reserveProject('要素收回测试项目', { landMu: 30 });
    const city = await as('city');
    const plan = await city.post(`/api/projects/${project.id}/allocation-plan`).send({}).expect(201);
    await city.post(`/api/allocation-plans/${plan.body.id}/approve`).send({}).expect(200);
    const countyBefore = await balance('land', 'county', '371502');
    const res = await city.post(`/api/projects/${project.id}/recall`).send({ reason: '企业放弃投资', outcome: '终止', used: { land: 10 }, documentNo: '聊要素〔2026〕1号' }).expect(200);
    expect(res.body.stage).toBe('终止');
    expect(res.body.recalled.reduce((s: number, r: { amount: number }) => s + r.amount, 0)).toBeCloseTo(20, 4);
    expect(await balance('land', 'project', project.code)).toBeCloseTo(10, 4);
    expect(await balance('land', 'county', '371502')).toBeCloseTo(countyBefore + 20, 4);
    const detail = (await city.get(`/api/projects/${project.id}`).expect(200)).body;
    expect(detail).toMatchObject({ stage: '终止', libraries: [], greenChannel: false });
    // Ledger sums still equal balances for every account touched.
    const accounts = await ctx.db.knex('factor_accounts').whereNot('owner_kind', 'external').select('id', 'balance');
    for (const a of accounts.slice(0, 200)) {
      const credit = Number((await ctx.db.knex('factor_movements').where('to_account_id', a.id).sum({ s: 'amount' }))[0]!.s ?? 0);
      const debit = Number((await ctx.db.knex('factor_movements').where('from_account_id', a.id).sum({ s: 'amount' }))[0]!.s ?? 0);
      expect(Number(a.balance)).toBeCloseTo(credit - debit, 4);
    }
  });

  it('refuses a plan outside 储备 / 要素保障 and a planner approving from the city pool', async () => {
    const planner = await as('planner');
    const created = await planner.post('/api/projects').send({ name: '谋划阶段项目', unitName: '聊城测试有限公司', county: '371502', type: '社会投资', needs: { landMu: 5 }, site: { geometry: site } }).expect(201);
    await (await as('city')).post(`/api/projects/${created.body.id}/allocation-plan`).send({}).expect(409);
    await (await as('leader')).post(`/api/projects/${created.body.id}/allocation-plan`).send({}).expect(403);
  });
});
