import proj4 from 'proj4';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs, testContext, type TestContext } from '../support/test-app.ts';

// Independent GK definition (zone 39): a 400 m × 300 m site in 东昌府区's central city.
const GK39 = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const [x, y] = proj4('EPSG:4326', GK39, [116.035, 36.425]) as [number, number];
const site: GeoJSON.Polygon = {
  type: 'Polygon',
  coordinates: [[[x, y], [x + 400, y], [x + 400, y + 300], [x, y + 300], [x, y]].map((p) => proj4(GK39, 'EPSG:4326', p) as [number, number])],
};

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testContext();
});

/** A pool's balance recomputed from the ledger itself (credits minus debits), not read from the balance column. */
async function ledgerBalance(factor: string, ownerKind: 'county' | 'city', regionCode: string, year: number): Promise<number | null> {
  const account = await ctx.db.knex('factor_accounts as a').join('regions as r', 'r.id', 'a.region_id')
    .where({ 'a.factor': factor, 'a.owner_kind': ownerKind, 'r.code': regionCode, 'a.year': year, 'a.funding_source': '' }).first('a.id');
  if (!account) return null;
  const sum = async (column: string) => Number((await ctx.db.knex('factor_movements').where(column, account.id).sum({ s: 'amount' }))[0]!.s ?? 0);
  return (await sum('to_account_id')) - (await sum('from_account_id'));
}

describe('POST /api/siting/analyze: the county and city factor pools against the needs', () => {
  it('reports each pool from the ledger, county first then the city pool, with the gap neither covers', async () => {
    const planner = await loginAs(ctx.app, 'planner');
    const needs = { landMu: 5000, energyTce: 10, pollutants: { codT: 100 } };
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const factors = ['land', 'energy', 'cod'] as const;
    const ledger = async () => Promise.all(factors.map(async (f) => [await ledgerBalance(f, 'county', '371502', year), await ledgerBalance(f, 'city', '371500', year)]));
    // Other test files post movements at the same time on PostgreSQL: take an analysis during which the
    // ledger did not move (read before and after, retry otherwise).
    let res: Awaited<ReturnType<typeof planner.post>> | undefined;
    let balances: (number | null)[][] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      const before = await ledger();
      res = await planner.post('/api/siting/analyze').send({ geometry: site, needs }).expect(200);
      balances = await ledger();
      if (JSON.stringify(before) === JSON.stringify(balances)) break;
    }
    const pools = res!.body.capacity.factorPools;
    expect(pools).toMatchObject({ year, county: '东昌府区' });

    for (const [i, [factor, needed]] of ([['land', 5000], ['energy', 10], ['cod', 100]] as const).entries()) {
      const [county, city] = balances[i]!;
      const item = pools.items.find((i: { factor: string }) => i.factor === factor);
      expect(item, factor).toBeDefined();
      expect(item.countyBalance ?? null).toBeCloseTo(county ?? 0, 4);
      if (city === null || city === undefined) expect(item.cityBalance).toBeNull();
      else expect(item.cityBalance).toBeCloseTo(city, 4);
      expect(item.needed).toBe(needed);
      const gap = Math.max(0, needed - (county ?? 0) - (city ?? 0));
      expect(item.gap).toBeCloseTo(gap, 4);
      const listed = res!.body.capacity.gaps.find((g: { factor: string }) => g.factor === `pool:${factor}`);
      if (gap > 0) expect(listed).toMatchObject({ needed, unit: item.unit });
      else expect(listed).toBeUndefined();
    }
    expect(res!.body.capacity.factorPoolsNote).toMatch(/东昌府区.*市级统筹池/);
  });

  it('lists the pools without needs, with no gaps', async () => {
    const planner = await loginAs(ctx.app, 'planner');
    const res = await planner.post('/api/siting/analyze').send({ geometry: site }).expect(200);
    const items = res.body.capacity.factorPools.items as { factor: string; needed: null; gap: null }[];
    expect(items.every((i) => i.needed === null && i.gap === null)).toBe(true);
    expect(items.map((i) => i.factor)).not.toContain('funds');
    expect(res.body.capacity.gaps.filter((g: { factor: string }) => g.factor.startsWith('pool:'))).toEqual([]);
  });
});
