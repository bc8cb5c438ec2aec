import { readFileSync } from 'node:fs';
import proj4 from 'proj4';
import type { Knex } from 'knex';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app.ts';
import { loginAs, testContext, type TestContext } from '../support/test-app.ts';

// CGCS2000 3-degree GK zones registered independently of the server (see siting.test.ts).
const GK: Record<number, string> = {
  4526: '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=38500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
  4527: '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
};
type XY = [number, number];
const M2_PER_MU = 10000 / 15;

const shoelace = (ring: XY[]) => Math.abs(ring.slice(0, -1).reduce((s, p, i) => s + p[0] * ring[i + 1]![1] - ring[i + 1]![0] * p[1], 0)) / 2;
const polygons = (g: GeoJSON.Polygon | GeoJSON.MultiPolygon) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
/** Planar area in a GK zone: every ring projected with proj4, outer rings minus holes. */
const gkArea = (g: GeoJSON.Polygon | GeoJSON.MultiPolygon, epsg: number) =>
  polygons(g).reduce((sum, rings) => sum + rings.reduce((s, ring, i) => {
    const a = shoelace(ring.map((p) => proj4('EPSG:4326', GK[epsg]!, p as XY) as XY));
    return i === 0 ? s + a : s - a;
  }, 0), 0);

/** Distance from point p to segment ab. */
function pointSegment(p: XY, a: XY, b: XY): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}
/** Minimum distance between two polylines that do not cross: the least vertex-to-segment distance both ways. */
function polylineDistance(a: XY[], b: XY[]): number {
  let best = Infinity;
  for (const [from, to] of [[a, b], [b, a]] as const) {
    for (const p of from) for (let i = 0; i < to.length - 1; i++) best = Math.min(best, pointSegment(p, to[i]!, to[i + 1]!));
  }
  return best;
}

const demoFile = (key: string) => JSON.parse(readFileSync(new URL(`../../data/demo/${key}.geojson`, import.meta.url), 'utf8')) as GeoJSON.FeatureCollection;

interface Candidate {
  rank: number;
  id: number;
  cut: 'whole' | 'part';
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
  area: { m2: number; mu: number; epsg: number };
  county: { code: string; name: string } | null;
  park: { name: string; industryMatch: boolean | null } | null;
  zone: { name: string; industryMatch: boolean | null } | null;
  road: { name: string | null; distanceM: number } | null;
  score: number;
  contributions: { criterion: string; weight: number; value: number; points: number; reason: string }[];
  verdict: { result: string };
}

let ctx: TestContext;
let planner: Awaited<ReturnType<typeof loginAs>>;
beforeAll(async () => {
  ctx = await testContext();
  planner = await loginAs(ctx.app, 'planner');
});
const recommend = (body: unknown) => planner.post('/api/siting/recommend').send(body as object);
const candidatesOf = (body: { candidates: Candidate[] }) => body.candidates;
const NEED_MU = 200;
const NEED_M2 = NEED_MU * M2_PER_MU;

describe('POST /api/siting/recommend: candidate geometry', () => {
  it('cuts parts of large parcels to within 1 % of the need, measured independently in the GK zone', async () => {
    const res = await recommend({ areaMu: NEED_MU, industry: 'C36', limit: 20 }).expect(200);
    const list = candidatesOf(res.body);
    expect(list.length).toBe(20);
    expect(res.body.total).toBeGreaterThanOrEqual(20);
    const parts = list.filter((c) => c.cut === 'part');
    expect(parts.length).toBeGreaterThan(5);
    for (const c of list) {
      expect([4526, 4527]).toContain(c.area.epsg);
      const measured = gkArea(c.geometry, c.area.epsg);
      // The server's own figure agrees with the independent one (0.1 %).
      expect(Math.abs(c.area.m2 - measured) / measured).toBeLessThan(0.001);
      if (c.cut === 'part') expect(Math.abs(measured - NEED_M2) / NEED_M2).toBeLessThan(0.01);
      else {
        expect(measured).toBeGreaterThanOrEqual(NEED_M2 * 0.95 * 0.999);
        expect(measured).toBeLessThanOrEqual(NEED_M2 * 1.2 * 1.001);
      }
    }
  });

  it('puts every candidate inside the stock-land parcel it names', async () => {
    const res = await recommend({ areaMu: NEED_MU, limit: 20 }).expect(200);
    for (const c of candidatesOf(res.body)) {
      const row = await ctx.db.knex('layer_features as f').join('layers as l', 'l.id', 'f.layer_id').where('f.id', c.id)
        .first(
          'l.key',
          ctx.db.knex.raw(`ST_Area(ST_Transform(ST_Difference(ST_SetSRID(ST_GeomFromGeoJSON(?::text), 4326), f.geom), ?::int)) as outside_m2`, [JSON.stringify(c.geometry), c.area.epsg]),
          ctx.db.knex.raw(`ST_CoveredBy(ST_SetSRID(ST_GeomFromGeoJSON(?::text), 4326), ST_Buffer(f.geom, 0.000001)) as covered`, [JSON.stringify(c.geometry)]),
        );
      expect(row.key).toBe('stock-land');
      expect(row.covered).toBe(true);
      // The cut keeps the parcel's vertices; new vertices on its edges are floating-point exact only to
      // ~1e-9°: what lies outside is a sliver of at most a few hundredths of a m² (of 133 333 m²).
      expect(Number(row.outside_m2)).toBeLessThan(0.1);
    }
  });

  it('reports the road distance a planar GK computation finds', async () => {
    const res = await recommend({ areaMu: NEED_MU, industry: 'C36', limit: 3 }).expect(200);
    const roads = demoFile('main-roads').features;
    for (const c of candidatesOf(res.body)) {
      const def = GK[c.area.epsg]!;
      const ring = (c.geometry.type === 'Polygon' ? c.geometry.coordinates[0]! : c.geometry.coordinates[0]![0]!).map((p) => proj4('EPSG:4326', def, p as XY) as XY);
      const lines = roads.flatMap((f) => (f.geometry.type === 'LineString' ? [f.geometry.coordinates] : (f.geometry as GeoJSON.MultiLineString).coordinates));
      const expected = Math.min(...lines.map((line) => polylineDistance(ring, line.map((p) => proj4('EPSG:4326', def, p as XY) as XY))));
      expect(c.road!.distanceM).toBeGreaterThan(0);
      expect(Math.abs(c.road!.distanceM - expected)).toBeLessThan(0.2);
    }
  });
});

describe('POST /api/siting/recommend: ranking', () => {
  it('orders by score, then id, the score being the sum of the contributions', async () => {
    const a = await recommend({ areaMu: NEED_MU, industry: 'C36', limit: 20 }).expect(200);
    const b = await recommend({ areaMu: NEED_MU, industry: 'C36', limit: 20 }).expect(200);
    expect(candidatesOf(b.body).map((c) => c.id)).toEqual(candidatesOf(a.body).map((c) => c.id));
    const list = candidatesOf(a.body);
    list.forEach((c, i) => {
      expect(c.rank).toBe(i + 1);
      if (i > 0) {
        const prev = list[i - 1]!;
        expect(prev.score > c.score || (prev.score === c.score && prev.id < c.id)).toBe(true);
      }
      expect(c.contributions.map((k) => k.criterion)).toEqual(['industry', 'conflicts', 'road', 'capacity', 'compactness']);
      expect(Math.abs(c.contributions.reduce((s, k) => s + k.points, 0) - c.score)).toBeLessThan(0.1);
      for (const k of c.contributions) expect(k.points).toBeCloseTo(100 * k.weight * k.value, 0);
      expect(['ok', 'adjust']).toContain(c.verdict.result);
    });
    expect(a.body.weights).toEqual({ industry: 0.3, conflicts: 0.25, road: 0.15, capacity: 0.15, compactness: 0.15 });
  });

  it('lets the industry weight change the order: parks whose leading industries cover C36 come first', async () => {
    const onlyIndustry = await recommend({ areaMu: NEED_MU, industry: 'C36', weights: { industry: 1, conflicts: 0, road: 0, capacity: 0, compactness: 0 }, limit: 20 }).expect(200);
    const top = candidatesOf(onlyIndustry.body);
    // Only 聊城经济技术开发区新能源汽车产业园 (codes 36, 38) lists 36 among the parks; its zone lists it too.
    expect(top[0]!.park).toMatchObject({ name: '聊城经济技术开发区新能源汽车产业园', industryMatch: true });
    expect(top[0]!.score).toBe(100);
    const firstMiss = top.findIndex((c) => c.score < 100);
    expect(top.slice(0, firstMiss === -1 ? top.length : firstMiss).every((c) => c.park?.industryMatch === true)).toBe(true);

    const noIndustry = await recommend({ areaMu: NEED_MU, industry: 'C36', weights: { industry: 0 }, limit: 20 }).expect(200);
    expect(noIndustry.body.weights.industry).toBe(0);
    const rankOf = (list: Candidate[], id: number) => list.findIndex((c) => c.id === id);
    // Without the industry weight the best park candidate is no longer first, and a non-park site leads.
    expect(candidatesOf(noIndustry.body)[0]!.id).not.toBe(top[0]!.id);
    expect(candidatesOf(noIndustry.body)[0]!.park?.industryMatch ?? false).toBe(false);
    expect(rankOf(candidatesOf(noIndustry.body), top[0]!.id)).not.toBe(0);
  });

  it('respects maxRoadDistanceM and says how many candidates it removed', async () => {
    const all = await recommend({ areaMu: NEED_MU, limit: 20 }).expect(200);
    const near = await recommend({ areaMu: NEED_MU, maxRoadDistanceM: 300, limit: 20 }).expect(200);
    for (const c of candidatesOf(near.body)) expect(c.road!.distanceM).toBeLessThanOrEqual(300);
    const removed = near.body.dropped.find((d: { reason: string }) => d.reason === 'tooFarFromRoad');
    expect(removed.count).toBe(all.body.total - near.body.total);
    expect(removed.count).toBeGreaterThan(0);
    expect(removed.message).toContain('300 米');
    expect(near.body.explanation).toContain('距主要道路超过 300 米');
  });

  it('keeps to the county and leaves out excluded parcels', async () => {
    const res = await recommend({ areaMu: 100, county: '371525', limit: 20 }).expect(200);
    expect(candidatesOf(res.body).length).toBeGreaterThan(0);
    for (const c of candidatesOf(res.body)) expect(c.county?.code).toBe('371525');
    expect(res.body.need.county).toEqual({ code: '371525', name: '冠县' });
    const first = candidatesOf(res.body)[0]!;
    const without = await recommend({ areaMu: 100, county: '371525', limit: 20, exclude: { featureIds: [first.id] } }).expect(200);
    expect(candidatesOf(without.body).map((c) => c.id)).not.toContain(first.id);
    expect(without.body.total).toBe(res.body.total - 1);
    expect(without.body.dropped).toContainEqual(expect.objectContaining({ reason: 'excludedParcel', count: 1 }));
  });

  it('leaves out candidates overlapping an excluded layer', async () => {
    const all = await recommend({ areaMu: NEED_MU, limit: 20 }).expect(200);
    const res = await recommend({ areaMu: NEED_MU, limit: 20, exclude: { layers: ['industrial-parks'] } }).expect(200);
    const removed = res.body.dropped.find((d: { reason: string }) => d.reason === 'excludedLayer');
    expect(removed.count).toBe(all.body.total - res.body.total);
    expect(removed.count).toBeGreaterThan(0);
    for (const c of candidatesOf(res.body)) expect(c.park).toBeNull();
  });

  it('drops a candidate that overlaps a hard constraint, and counts it', async () => {
    const trx = await ctx.db.knex.transaction();
    try {
      const app = createApp({ config: ctx.config, db: { ...ctx.db, knex: trx as unknown as Knex }, log: () => {} });
      const agent = await loginAs(app, 'planner');
      const before = await agent.post('/api/siting/recommend').send({ areaMu: NEED_MU, industry: 'C36' }).expect(200);
      const first = candidatesOf(before.body)[0]!;
      const [layer] = await trx('layers').insert({ key: `recommend-test-${Date.now().toString(36)}`, name: '测试刚性管控', group_name: '三区三线', kind: 'hard', geometry_type: 'polygon' }).returning('id');
      await trx('layer_features').insert({ layer_id: layer.id, properties: { name: '测试管控区' }, geom: trx.raw('ST_SetSRID(ST_GeomFromGeoJSON(?::text), 4326)', [JSON.stringify(first.geometry)]) });
      const after = await agent.post('/api/siting/recommend').send({ areaMu: NEED_MU, industry: 'C36' }).expect(200);
      expect(candidatesOf(after.body).map((c) => c.id)).not.toContain(first.id);
      const forbidden = (body: { dropped: { reason: string; count: number }[] }) => body.dropped.find((d) => d.reason === 'forbidden')?.count ?? 0;
      expect(forbidden(after.body)).toBe(forbidden(before.body) + 1);
      expect(after.body.total).toBe(before.body.total - 1);
    } finally {
      await trx.rollback();
    }
  });

  it('answers 200 with an empty list and the reason when no parcel is large enough', async () => {
    const res = await recommend({ areaMu: 150_000 }).expect(200);
    expect(res.body.candidates).toEqual([]);
    expect(res.body.total).toBe(0);
    const small = res.body.dropped.find((d: { reason: string }) => d.reason === 'tooSmall');
    expect(small.count).toBe(res.body.parcels);
    expect(res.body.explanation).toMatch(/没有符合条件的候选选址.*面积不足需求 150000 亩/);
  });
});

describe('POST /api/siting/recommend: bad input', () => {
  it.each([
    [{}, '缺少用地需求面积'],
    [{ areaMu: 0 }, '须大于 0 亩'],
    [{ areaMu: -5 }, '须大于 0 亩'],
    [{ areaMu: '200' }, '须为数字'],
    [{ areaMu: 150_001 }, '不能超过 150,000 亩'],
    [{ areaMu: 200, county: '371599' }, '未知的县级行政区代码 371599'],
    [{ areaMu: 200, county: 'abc' }, '6 位行政区代码'],
    [{ areaMu: 200, weights: { road: -1 } }, '道路可达权重不能为负数'],
    [{ areaMu: 200, weights: { speed: 1 } }, '权重只能是'],
    [{ areaMu: 200, industry: 'C36', weights: { industry: 0, conflicts: 0, road: 0, capacity: 0, compactness: 0 } }, '各项权重不能全为零'],
    [{ areaMu: 200, weights: { conflicts: 0, road: 0, capacity: 0, compactness: 0 } }, '其余权重不能全为零'],
    [{ areaMu: 200, limit: 21 }, '返回数量最多 20'],
    [{ areaMu: 200, maxRoadDistanceM: 0 }, '须大于 0 米'],
    [{ areaMu: 200, exclude: { layers: ['no-such-layer'] } }, '排除的图层不存在：no-such-layer'],
    [{ areaMu: 200, size: 3 }, '不认识的字段'],
  ])('%j → 400 %s', async (body, message) => {
    const res = await recommend(body).expect(400);
    expect(res.body.error.message).toContain(message);
  });

  it('refuses a body that is not a JSON object', async () => {
    const res = await planner.post('/api/siting/recommend').set('Content-Type', 'application/json').send('[1]').expect(400);
    expect(res.body.error.message).toContain('JSON 对象');
  });
});
