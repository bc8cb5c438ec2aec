import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, testContext, type TestContext } from '../support/test-app.ts';
import { TEST_PASSWORD } from '../support/test-env.ts';

type Agent = Awaited<ReturnType<typeof loginAs>>;
let ctx: TestContext;
let city: Agent, planner: Agent, leader: Agent, zrzy: Agent, sthj: Agent, wlj: Agent, czj: Agent;
/** A year no earlier run has used, so every account of this file starts at zero on a reused PostGIS database. */
let year: number;
const run = `t${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
let n = 0;
const key = (label: string) => `${run}-${label}-${++n}`;

const DCF = '371502'; // 东昌府区, the planner's county
const CP = '371503'; // 茌平区
const LQ = '371581'; // 临清市
const GT = '371526'; // 高唐县
const ZONE = '371571'; // 聊城经济技术开发区
const DCF_PROJECT = 'LC-371502-2026-0003';
// The fourth demo project of 东昌府区 needs funds (fundsWan 4400): funds go to it, within its demand.
const DCF_FUNDED_PROJECT = 'LC-371502-2026-0004';
const CP_PROJECT = 'LC-371503-2026-0001';

const at = (factor: string, kind: string, code?: string, fundingSource?: string) => ({ factor, owner: { kind, ...(code ? { code } : {}) }, year, ...(fundingSource ? { fundingSource } : {}) });
const movement = (kind: string, from: object, to: object, amount: number, extra: Record<string, unknown> = {}) => ({
  kind, from, to, amount, requestKey: key(kind), documentNo: `测试〔${year}〕${n}号`, reason: `集成测试：${kind}`, ...extra,
});

/** Balance read straight from the table, and the same balance recomputed from the ledger alone. */
async function balance(factor: string, kind: string, code?: string) {
  const row = await ctx.db.knex('factor_accounts as a')
    .leftJoin('regions as r', 'r.id', 'a.region_id')
    .leftJoin('projects as p', 'p.id', 'a.project_id')
    .where({ 'a.factor': factor, 'a.owner_kind': kind, 'a.year': year })
    .andWhere((q) => (code ? q.where('r.code', code).orWhere('p.code', code) : q))
    .first('a.balance');
  return row ? Number(row.balance) : 0;
}

/** Accounts whose balance differs from credits minus debits in the ledger (all years, the demo's too). */
async function ledgerMismatches() {
  const res = await ctx.db.knex.raw(`
    select a.id, a.balance, coalesce(c.s, 0) - coalesce(d.s, 0) as ledger
    from factor_accounts a
    left join (select to_account_id id, sum(amount) s from factor_movements group by 1) c on c.id = a.id
    left join (select from_account_id id, sum(amount) s from factor_movements group by 1) d on d.id = a.id
    where a.balance <> coalesce(c.s, 0) - coalesce(d.s, 0)`);
  return res.rows;
}

const counts = async () => ({
  movements: Number((await ctx.db.knex('factor_movements').count({ c: '*' }).first())!.c),
  audit: Number((await ctx.db.knex('audit_log').where('action', 'like', 'factor.%').count({ c: '*' }).first())!.c),
  accounts: Number((await ctx.db.knex('factor_accounts').count({ c: '*' }).first())!.c),
});

const czjPost = (body: object) => czj.post('/api/factors/movements').send(body);
const isoDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ctx = await testContext();
  [city, planner, leader, zrzy, sthj, wlj, czj] = (await Promise.all(['city', 'planner', 'leader', 'zrzy', 'sthj', 'wlj', 'czj'].map((u) => loginAs(ctx.app, u)))) as Agent[] as [Agent, Agent, Agent, Agent, Agent, Agent, Agent];
  const max = await ctx.db.knex('factor_accounts').where('year', '>=', 2040).max({ y: 'year' }).first();
  year = Math.max(Number(max?.y ?? 0), 2039) + 1;
});

describe('factor ledger: shared definitions', () => {
  it('name the same factors and movement kinds as the schema', async () => {
    const schema = await import('../../server/src/db/migrations/2026-11-26-1050-create-factors.ts');
    const common = await import('../../common/src/factors.ts');
    expect([...common.FACTOR_KEYS]).toEqual([...schema.FACTORS]);
    expect([...common.MOVEMENT_KINDS]).toEqual([...schema.MOVEMENT_KINDS]);
    expect(Object.keys(common.MOVEMENT_RULES).sort()).toEqual([...schema.MOVEMENT_KINDS].sort());
  });
});

describe('factor ledger: movement kinds and pooling rules', () => {
  it('下达 of construction land to a county pools 30 % to the city in the same transaction, with an audit row per movement', async () => {
    const res = await zrzy.post('/api/factors/movements').send(movement('下达', at('land', 'external'), at('land', 'county', DCF), 1000)).expect(201);
    expect(res.body).toMatchObject({ kind: '下达', factor: 'land', unit: '亩', amount: 1000, from: { owner: { kind: 'external' } }, to: { owner: { kind: 'county', code: DCF, name: '东昌府区' } } });
    expect(res.body.derived).toHaveLength(1);
    expect(res.body.derived[0]).toMatchObject({ kind: '统筹', amount: 300, relatedMovementId: res.body.id, to: { owner: { kind: 'city', code: '371500' } } });
    expect(await balance('land', 'county', DCF)).toBe(700);
    expect(await balance('land', 'city')).toBe(300);
    expect(await balance('land', 'external')).toBe(-1000);
    for (const id of [res.body.id, res.body.derived[0].id]) {
      const audit = await ctx.db.knex('audit_log').where({ entity_kind: 'factor_movement', entity_id: String(id) }).select('action', 'actor_username');
      expect(audit).toHaveLength(1);
      expect(audit[0].actor_username).toBe('zrzy');
    }
  });

  it('下达 to the city or a zone, and 预支, are not pooled', async () => {
    const toCity = await city.post('/api/factors/movements').send(movement('下达', at('land', 'external'), at('land', 'city'), 500)).expect(201);
    expect(toCity.body.derived).toEqual([]);
    await city.post('/api/factors/movements').send(movement('下达', at('land', 'city'), at('land', 'zone', ZONE), 120)).expect(201);
    const advance = await city.post('/api/factors/movements').send(movement('预支', at('land', 'external'), at('land', 'county', CP), 200)).expect(201);
    expect(advance.body.derived).toEqual([]);
    expect(await balance('land', 'city')).toBe(300 + 500 - 120);
    expect(await balance('land', 'zone', ZONE)).toBe(120);
    expect(await balance('land', 'county', CP)).toBe(200);
  });

  it('挖潜 of a pollutant splits 30 % to the city environmental pool and 70 % to the county; 挖潜 of 占补平衡 stays whole', async () => {
    const cod = await sthj.post('/api/factors/movements').send(movement('挖潜', at('cod', 'external'), at('cod', 'county', CP), 12.5)).expect(201);
    expect(cod.body.derived.map((m: { amount: number }) => m.amount)).toEqual([3.75]);
    expect(await balance('cod', 'county', CP)).toBe(8.75);
    expect(await balance('cod', 'city')).toBe(3.75);
    await zrzy.post('/api/factors/movements').send(movement('挖潜', at('farmland_balance', 'external'), at('farmland_balance', 'county', CP), 300)).expect(201);
    expect(await balance('farmland_balance', 'county', CP)).toBe(300);
    expect(await balance('farmland_balance', 'city')).toBe(0);
  });

  it('统筹 by a county planner from its own county to the city pool', async () => {
    await planner.post('/api/factors/movements').send(movement('统筹', at('land', 'county', DCF), at('land', 'city'), 50)).expect(201);
    expect(await balance('land', 'county', DCF)).toBe(650);
    expect(await balance('land', 'city')).toBe(730);
  });

  it('调剂 between counties carries a price; without it the request is refused', async () => {
    const noPrice = await zrzy.post('/api/factors/movements').send(movement('调剂', at('farmland_balance', 'county', CP), at('farmland_balance', 'county', DCF), 30)).expect(400);
    expect(noPrice.body.error.message).toMatch(/价款/);
    const res = await zrzy.post('/api/factors/movements').send(movement('调剂', at('farmland_balance', 'county', CP), at('farmland_balance', 'county', DCF), 30, { priceWan: 840 })).expect(201);
    expect(res.body.priceWan).toBe(840);
    expect(await balance('farmland_balance', 'county', CP)).toBe(270);
    expect(await balance('farmland_balance', 'county', DCF)).toBe(30);
  });

  it('拆借 and its 归还: partial, over-repayment refused, full; overdue listing for the city command', async () => {
    const due = isoDate(30);
    const loan = await zrzy.post('/api/factors/movements').send(movement('拆借', at('farmland_balance', 'county', CP), at('farmland_balance', 'county', LQ), 100, { dueDate: due })).expect(201);
    expect(loan.body.dueDate).toBe(due);
    const impossible = await zrzy.post('/api/factors/movements').send(movement('拆借', at('farmland_balance', 'county', CP), at('farmland_balance', 'county', LQ), 1, { dueDate: '2030-02-30' })).expect(400);
    expect(impossible.body.error.message).toMatch(/有效日期/);
    await city.get('/api/factors/movements?dateFrom=2026-13-01').expect(400);
    const past = await zrzy.post('/api/factors/movements').send(movement('拆借', at('farmland_balance', 'county', CP), at('farmland_balance', 'county', LQ), 1, { dueDate: '2020-01-01' })).expect(400);
    expect(past.body.error.message).toMatch(/晚于今天/);

    const afterDue = isoDate(45);
    const overdue = async () => (await city.get(`/api/factors/loans?overdue=true&asOf=${afterDue}`).expect(200)).body.find((l: { movementId: number }) => l.movementId === loan.body.id);
    expect(await overdue()).toMatchObject({ amount: 100, repaid: 0, outstanding: 100, overdue: true, overdueDays: 15, lender: { code: CP }, borrower: { code: LQ } });
    const notYet = (await city.get('/api/factors/loans?overdue=true').expect(200)).body.find((l: { movementId: number }) => l.movementId === loan.body.id);
    expect(notYet).toBeUndefined();

    const repay = (amount: number) => movement('归还', at('farmland_balance', 'county', LQ), at('farmland_balance', 'county', CP), amount, { relatedMovementId: loan.body.id });
    await zrzy.post('/api/factors/movements').send(repay(40)).expect(201);
    expect((await overdue()).outstanding).toBe(60);
    const before = await counts();
    const over = await zrzy.post('/api/factors/movements').send(repay(60.5)).expect(409);
    expect(over.body.error).toMatchObject({ code: 'OVER_REPAYMENT' });
    expect(over.body.error.message).toBe('归还数量超过未还数量：拆借 100，已还 40，未还 60，本次申请归还 60.5');
    expect(await counts()).toEqual(before);
    const wrongWay = await zrzy.post('/api/factors/movements').send(movement('归还', at('farmland_balance', 'county', LQ), at('farmland_balance', 'county', DCF), 1, { relatedMovementId: loan.body.id })).expect(400);
    expect(wrongWay.body.error.message).toMatch(/出借方/);
    await zrzy.post('/api/factors/movements').send(repay(60)).expect(201);
    expect(await overdue()).toBeUndefined();
    const all = (await city.get('/api/factors/loans?open=false').expect(200)).body.find((l: { movementId: number }) => l.movementId === loan.body.id);
    expect(all).toMatchObject({ repaid: 100, outstanding: 0, overdue: false });
    expect(await balance('farmland_balance', 'county', CP)).toBe(270);
    expect(await balance('farmland_balance', 'county', LQ)).toBe(0);
  });

  it('分配 to a project and 收回 from it', async () => {
    const alloc = await planner.post('/api/factors/movements').send(movement('分配', at('land', 'county', DCF), at('land', 'project', DCF_PROJECT), 34.3)).expect(201);
    expect(alloc.body.to.owner).toMatchObject({ kind: 'project', code: DCF_PROJECT });
    await planner.post('/api/factors/movements').send(movement('收回', at('land', 'project', DCF_PROJECT), at('land', 'county', DCF), 10.3)).expect(201);
    expect(await balance('land', 'project', DCF_PROJECT)).toBe(24);
    expect(await balance('land', 'county', DCF)).toBe(650 - 24);
  });

  it('交易 of emission rights between counties with a price; not for land', async () => {
    await sthj.post('/api/factors/movements').send(movement('交易', at('cod', 'county', CP), at('cod', 'county', GT), 2.25, { priceWan: 1.8 })).expect(201);
    expect(await balance('cod', 'county', CP)).toBe(6.5);
    expect(await balance('cod', 'county', GT)).toBe(2.25);
    const land = await city.post('/api/factors/movements').send(movement('交易', at('land', 'county', DCF), at('land', 'county', GT), 1, { priceWan: 1 })).expect(400);
    expect(land.body.error.message).toMatch(/只适用于/);
  });

  it('funds are kept per funding source; sources cannot be mixed', async () => {
    const source = '中央预算内投资';
    await czjPost(movement('下达', at('funds', 'external', undefined, source), at('funds', 'city', undefined, source), 1000)).expect(201);
    const alloc = await czjPost(movement('分配', at('funds', 'city', undefined, source), at('funds', 'project', DCF_FUNDED_PROJECT, source), 260.5)).expect(201);
    expect(alloc.body).toMatchObject({ unit: '万元', fundingSource: source, amount: 260.5 });
    const mixed = await czjPost(movement('分配', at('funds', 'city', undefined, source), at('funds', 'project', DCF_FUNDED_PROJECT, '地方政府专项债券'), 1)).expect(400);
    expect(mixed.body.error.message).toMatch(/资金来源须一致/);
    const accounts = (await city.get(`/api/factors/accounts?factor=funds&year=${year}`).expect(200)).body;
    expect(accounts.map((a: { owner: { kind: string }; fundingSource: string; balance: number }) => [a.owner.kind, a.fundingSource, a.balance])).toEqual([
      ['external', source, -1000],
      ['city', source, 739.5],
      ['project', source, 260.5],
    ]);
  });

  it('accounts can be addressed by id; the listing filters by factor, owner kind, region and year', async () => {
    const list = (await city.get(`/api/factors/accounts?factor=land&year=${year}`).expect(200)).body;
    const dcf = list.find((a: { owner: { code: string } }) => a.owner.code === DCF);
    expect(dcf).toMatchObject({ factor: 'land', unit: '亩', year, balance: 626, owner: { kind: 'county', code: DCF, name: '东昌府区' } });
    await city.post('/api/factors/movements').send(movement('统筹', dcf.id, at('land', 'city'), 6)).expect(201);
    const byRegion = (await city.get(`/api/factors/accounts?region=${DCF}&year=${year}&ownerKind=county`).expect(200)).body;
    expect(byRegion.every((a: { owner: { code: string; kind: string } }) => a.owner.code === DCF && a.owner.kind === 'county')).toBe(true);
    expect(byRegion.find((a: { factor: string }) => a.factor === 'land').balance).toBe(620);
    const projects = (await city.get(`/api/factors/accounts?region=${DCF}&year=${year}&ownerKind=project&factor=land`).expect(200)).body;
    expect(projects.map((a: { owner: { code: string } }) => a.owner.code)).toEqual([DCF_PROJECT]);
    const bad = await city.get('/api/factors/accounts?factor=gold').expect(400);
    expect(bad.body.error.message).toMatch(/要素须为/);
  });

  it('the ledger lists movements newest first with filters and paging', async () => {
    const page1 = (await city.get(`/api/factors/movements?year=${year}&factor=land&pageSize=3`).expect(200)).body;
    expect(page1).toMatchObject({ page: 1, pageSize: 3 });
    expect(page1.items).toHaveLength(3);
    // 下达 to 东昌府区 and its pooled 统筹, 下达 to the city, to the zone, 预支, 统筹, 分配, 收回, 统筹 by account id
    expect(page1.total).toBe(9);
    const ids = page1.items.map((m: { id: number }) => m.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const page2 = (await city.get(`/api/factors/movements?year=${year}&factor=land&pageSize=3&page=2`).expect(200)).body;
    expect(page2.items[0].id).toBeLessThan(ids[2]);
    const loans = (await city.get(`/api/factors/movements?year=${year}&kind=拆借`).expect(200)).body;
    expect(loans.items.every((m: { kind: string }) => m.kind === '拆借')).toBe(true);
    expect(loans.items[0].operator).toMatch(/自然资源/);
  });
});

describe('factor ledger: refusals leave nothing behind', () => {
  it('an overdraw answers 409 INSUFFICIENT in Chinese and writes nothing', async () => {
    const before = await counts();
    const available = await balance('land', 'zone', ZONE);
    const res = await city.post('/api/factors/movements').send(movement('分配', at('land', 'zone', ZONE), at('land', 'project', CP_PROJECT), available + 0.5)).expect(409);
    expect(res.body.error.code).toBe('INSUFFICIENT');
    expect(res.body.error.message).toBe(`聊城经济技术开发区新增建设用地指标（${year}年）余额不足：可用 ${available} 亩，申请 ${available + 0.5} 亩`);
    expect(await counts()).toEqual(before); // not even the project's account, which would have been opened on first credit
    expect(await balance('land', 'zone', ZONE)).toBe(available);
  });

  it('an account that was never credited has nothing to give', async () => {
    const res = await city.post('/api/factors/movements').send(movement('统筹', at('energy', 'county', GT), at('energy', 'city'), 1)).expect(409);
    expect(res.body.error.message).toBe(`高唐县能耗指标（${year}年）余额不足：可用 0 吨标准煤，申请 1 吨标准煤`);
  });

  it('refuses mismatched sides, wrong owner kinds, missing fields and unknown owners with Chinese 400s', async () => {
    const cases: [object, RegExp][] = [
      [movement('统筹', at('land', 'county', DCF), at('energy', 'city'), 1), /要素、年度和资金来源须一致/],
      [movement('统筹', at('land', 'county', DCF), { ...at('land', 'city'), year: year + 1 }, 1), /要素、年度和资金来源须一致/],
      [movement('统筹', at('land', 'city'), at('land', 'county', DCF), 1), /转出方只能是/],
      [movement('分配', at('land', 'county', DCF), at('land', 'county', CP), 1), /转入方只能是项目/],
      [movement('下达', at('funds', 'external'), at('funds', 'city'), 1), /资金来源/],
      [movement('下达', at('land', 'external'), at('land', 'county', '999999'), 1), /找不到转入主体/],
      [movement('下达', at('land', 'external'), at('land', 'county', DCF), -3), /大于 0/],
      [movement('下达', at('land', 'external'), at('land', 'county', DCF), 1.00001), /4 位小数/],
      [{ ...movement('下达', at('land', 'external'), at('land', 'county', DCF), 1), extra: 1 }, /不支持的字段/],
      [{ ...movement('下达', at('land', 'external'), at('land', 'county', DCF), 1), kind: '赠送' }, /业务类型须为/],
      [movement('调剂', at('land', 'county', DCF), at('land', 'county', DCF), 1, { priceWan: 1 }), /同一账户/],
    ];
    const before = await counts();
    for (const [body, message] of cases) {
      const res = await city.post('/api/factors/movements').send(body).expect(400);
      expect(res.body.error.message).toMatch(message);
    }
    expect(await counts()).toEqual(before);
  });

  it('the database itself refuses balance edits, ledger rewrites, overdrafts and cross-factor movements', async () => {
    const [account] = await ctx.db.knex('factor_accounts').where({ year, factor: 'land', owner_kind: 'zone' }).select('id');
    await expect(ctx.db.knex('factor_accounts').where({ id: account.id }).update({ balance: 1e6 })).rejects.toThrow(/only through factor_movements/);
    await expect(ctx.db.knex('factor_movements').where({ to_account_id: account.id }).update({ amount: 1 })).rejects.toThrow(/append-only/);
    await expect(ctx.db.knex('factor_movements').where({ to_account_id: account.id }).delete()).rejects.toThrow(/append-only/);
    const [codPool] = await ctx.db.knex('factor_accounts').where({ year, factor: 'cod', owner_kind: 'city' }).select('id');
    const base = { kind: '统筹', amount: 1, request_key: key('raw'), document_no: 'x', reason: 'x' };
    await expect(ctx.db.knex('factor_movements').insert({ ...base, from_account_id: account.id, to_account_id: codPool.id })).rejects.toThrow(/different factor/);
    const [landPool] = await ctx.db.knex('factor_accounts').where({ year, factor: 'land', owner_kind: 'city' }).select('id');
    await expect(ctx.db.knex('factor_movements').insert({ ...base, amount: 1e6, from_account_id: account.id, to_account_id: landPool.id })).rejects.toThrow(/balance_nonnegative/);
  });
});

describe('factor ledger: idempotency and access', () => {
  it('the same requestKey twice moves once and returns the original; another body under it is 409', async () => {
    const body = movement('下达', at('energy', 'external'), at('energy', 'county', GT), 8000);
    const first = await city.post('/api/factors/movements').send(body).expect(201);
    const again = await city.post('/api/factors/movements').send(body).expect(200);
    expect(again.body).toEqual(first.body);
    expect(await balance('energy', 'county', GT)).toBe(8000);
    const other = await city.post('/api/factors/movements').send({ ...body, amount: 8001 }).expect(409);
    expect(other.body.error.code).toBe('REQUEST_KEY_REUSED');
    expect(other.body.error.message).toMatch(/请求编号/);
    const pooled = movement('下达', at('land', 'external'), at('land', 'county', GT), 100);
    const p1 = await city.post('/api/factors/movements').send(pooled).expect(201);
    const p2 = await city.post('/api/factors/movements').send(pooled).expect(200);
    expect(p2.body.derived).toEqual(p1.body.derived);
    expect(await balance('land', 'county', GT)).toBe(70);
    expect(await ctx.db.knex('audit_log').where({ entity_kind: 'factor_movement' }).whereIn('entity_id', [String(p1.body.id), String(p1.body.derived[0].id)]).count({ c: '*' }).first()).toEqual({ c: 2 });
  });

  it('scopes who may read and move which factors', async () => {
    const noManage = await leader.post('/api/factors/movements').send(movement('统筹', at('land', 'county', DCF), at('land', 'city'), 1)).expect(403);
    expect(noManage.body.error.message).toMatch(/权限/);
    const otherCounty = await planner.post('/api/factors/movements').send(movement('统筹', at('land', 'county', CP), at('land', 'city'), 1)).expect(403);
    expect(otherCounty.body.error.message).toMatch(/无权从“茌平区新增建设用地指标/);
    const fromExternal = await planner.post('/api/factors/movements').send(movement('下达', at('land', 'external'), at('land', 'county', DCF), 1)).expect(403);
    expect(fromExternal.body.error.code).toBe('FORBIDDEN');
    const otherProject = await planner.post('/api/factors/movements').send(movement('分配', at('land', 'county', DCF), at('land', 'project', CP_PROJECT), 1)).expect(404);
    expect(otherProject.body.error.message).toMatch(/不存在或无权访问/);
    const cpProject = (await city.post('/api/factors/movements').send(movement('分配', at('land', 'city'), at('land', 'project', CP_PROJECT), 1)).expect(201)).body.to;
    const hidden = await planner.post('/api/factors/movements').send(movement('收回', cpProject.accountId, at('land', 'county', DCF), 1)).expect(404);
    expect(hidden.body.error.message).toBe('账户不存在或无权访问');
    const wrongDepartment = await sthj.post('/api/factors/movements').send(movement('统筹', at('land', 'county', DCF), at('land', 'city'), 1)).expect(404);
    expect(wrongDepartment.body.error.code).toBe('NOT_FOUND');

    const sthjFactors = new Set((await sthj.get(`/api/factors/accounts?year=${year}`).expect(200)).body.map((a: { factor: string }) => a.factor));
    expect([...sthjFactors].sort()).toEqual(['cod']);
    expect((await wlj.get('/api/factors/accounts').expect(200)).body).toEqual([]);
    const plannerProjects = (await planner.get(`/api/factors/accounts?year=${year}&ownerKind=project&factor=land`).expect(200)).body.map((a: { owner: { code: string } }) => a.owner.code);
    expect(plannerProjects).toEqual([DCF_PROJECT]);
    const leaderProjects = (await leader.get(`/api/factors/accounts?year=${year}&ownerKind=project`).expect(200)).body;
    expect(leaderProjects.length).toBeGreaterThanOrEqual(1);
    await request(ctx.app).get('/api/factors/accounts').expect(401);
  });

  it('pooling shares are configuration: the city command changes them, the next movement follows, others may not', async () => {
    const rules = (await planner.get('/api/factors/rules').expect(200)).body;
    expect(rules.find((r: { id: string }) => r.id === 'land-county-pooling')).toMatchObject({ cityShare: 0.3, movementKind: '下达', factors: ['land'], enabled: true });
    expect(rules.find((r: { id: string }) => r.id === 'pollutant-city-pool')).toMatchObject({ cityShare: 0.3, movementKind: '挖潜' });
    await planner.put('/api/factors/rules/land-county-pooling').send({ cityShare: 0.5 }).expect(403);
    await city.put('/api/factors/rules/land-county-pooling').send({ cityShare: 1.5 }).expect(400);
    try {
      await city.put('/api/factors/rules/land-county-pooling').send({ cityShare: 0.25 }).expect(200);
      const res = await city.post('/api/factors/movements').send(movement('下达', at('land', 'external'), at('land', 'county', LQ), 80)).expect(201);
      expect(res.body.derived[0].amount).toBe(20);
      await city.put('/api/factors/rules/land-county-pooling').send({ enabled: false }).expect(200);
      const off = await city.post('/api/factors/movements').send(movement('下达', at('land', 'external'), at('land', 'county', LQ), 10)).expect(201);
      expect(off.body.derived).toEqual([]);
      expect(await balance('land', 'county', LQ)).toBe(70);
    } finally {
      await city.put('/api/factors/rules/land-county-pooling').send({ cityShare: 0.3, enabled: true }).expect(200);
    }
  });
});

describe('factor ledger: audit records of a pooled movement', () => {
  it('one audit record per movement, naming both accounts, the amount, the rule and the movement it derives from', async () => {
    // A year of its own: the city pool of this factor and year is opened by the pooling itself.
    const later = year + 7;
    const before = await counts();
    const res = await sthj.post('/api/factors/movements').send(movement('挖潜', { ...at('nox', 'external'), year: later }, { ...at('nox', 'county', LQ), year: later }, 10)).expect(201);
    const [pooled] = res.body.derived;
    expect(pooled).toMatchObject({ kind: '统筹', amount: 3, relatedMovementId: res.body.id, requestKey: `${res.body.requestKey}/统筹` });
    expect(await counts()).toEqual({ movements: before.movements + 2, audit: before.audit + 2, accounts: before.accounts + 3 });
    const audit = async (id: number) => ctx.db.knex('audit_log').where({ entity_kind: 'factor_movement', entity_id: String(id) }).select('action', 'actor_username', 'detail');
    expect(await audit(res.body.id)).toEqual([{
      action: 'factor.movement.挖潜', actor_username: 'sthj',
      detail: { factor: 'nox', fromAccountId: res.body.from.accountId, toAccountId: res.body.to.accountId, amount: 10, documentNo: res.body.documentNo, requestKey: res.body.requestKey },
    }]);
    expect(await audit(pooled.id)).toEqual([{
      action: 'factor.movement.统筹', actor_username: 'sthj',
      detail: { factor: 'nox', fromAccountId: res.body.to.accountId, toAccountId: pooled.to.accountId, amount: 3, documentNo: res.body.documentNo, requestKey: pooled.requestKey, rule: 'pollutant-city-pool', relatedMovementId: res.body.id },
    }]);
  });
});

describe('factor ledger: concurrency', () => {
  let server: ReturnType<TestContext['app']['listen']>;
  let base: string;
  let cookie: string;

  beforeAll(async () => {
    server = ctx.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const login = await request(ctx.app).post('/api/auth/login').send({ username: 'city', password: TEST_PASSWORD }).expect(200);
    cookie = String(login.headers['set-cookie']![0]).split(';')[0]!;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('200 concurrent requests for 1 亩 against 50 亩: exactly 50 succeed, the balance is 0, the ledger matches', async () => {
    const source = at('farmland_balance', 'zone', ZONE);
    await city.post('/api/factors/movements').send(movement('挖潜', at('farmland_balance', 'external'), source, 50)).expect(201);
    const before = await counts();
    const raceKey = `${run}-race`;
    const statuses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        fetch(`${base}/api/factors/movements`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ kind: '分配', from: source, to: at('farmland_balance', 'project', i % 2 ? DCF_PROJECT : CP_PROJECT), amount: 1, requestKey: `${raceKey}-${i}`, documentNo: '并发测试', reason: '并发分配 1 亩' }),
        }).then(async (r) => [r.status, r.status === 409 ? ((await r.json()) as { error: { code: string } }).error.code : ''] as const),
      ),
    );
    expect(statuses.filter(([s]) => s === 201)).toHaveLength(50);
    expect(statuses.filter(([s, code]) => s === 409 && code === 'INSUFFICIENT')).toHaveLength(150);
    expect(await balance('farmland_balance', 'zone', ZONE)).toBe(0);
    expect((await balance('farmland_balance', 'project', DCF_PROJECT)) + (await balance('farmland_balance', 'project', CP_PROJECT))).toBe(50);
    const after = await counts();
    expect(after.movements - before.movements).toBe(50);
    expect(after.audit - before.audit).toBe(50);
    expect(Number((await ctx.db.knex('factor_movements').where('request_key', 'like', `${raceKey}-%`).count({ c: '*' }).first())!.c)).toBe(50);
    expect(await ledgerMismatches()).toEqual([]);
  });

  it('the same requestKey sent 20 times at once moves once', async () => {
    const body = JSON.stringify(movement('下达', at('coal', 'external'), at('coal', 'county', GT), 500));
    const statuses = await Promise.all(Array.from({ length: 20 }, () => fetch(`${base}/api/factors/movements`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body }).then((r) => r.status)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    expect(await balance('coal', 'county', GT)).toBe(500);
  });

  it('ledger sums equal balances for every account, the demo seed included', async () => {
    expect(await ledgerMismatches()).toEqual([]);
    const demo = await ctx.db.knex('factor_accounts').where({ year: 2026 }).count({ c: '*' }).first();
    expect(Number(demo!.c)).toBeGreaterThan(40);
    const external = await ctx.db.knex.raw(`select factor, year, funding_source, sum(balance) as total from factor_accounts group by 1, 2, 3 having sum(balance) <> 0`);
    expect(external.rows).toEqual([]); // double entry: every pool's accounts sum to zero
  });
});

// Allocation plans move the same pools: their tests run in this file, after the ledger's, so no other
// file's worker changes these balances underneath either (files run in parallel on PostgreSQL).
await import('./factors-allocation.suite.ts');
