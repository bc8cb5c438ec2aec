import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import proj4 from 'proj4';
import request from 'supertest';
import type { Knex } from 'knex';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app.ts';
import { loginAs, testContext, type TestContext } from '../support/test-app.ts';

// CGCS2000 3-degree GK zones 38 (CM 114°E) and 39 (CM 117°E), registered here independently of the
// server's own definitions: the expected figures must not come from the code under test.
const GK38 = '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=38500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const GK39 = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const WGS84 = 'EPSG:4326';

type XY = [number, number];
const toGk = (def: string, lonLat: XY) => proj4(WGS84, def, lonLat) as XY;
const toLonLat = (def: string, xy: XY) => proj4(def, WGS84, xy) as XY;

/** A rectangle's closed ring in GK metres, counter-clockwise. */
const rectangle = ([x, y]: XY, w: number, h: number): XY[] => [[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]];
const shoelace = (ring: XY[]) => Math.abs(ring.slice(0, -1).reduce((s, p, i) => s + p[0] * ring[i + 1]![1] - ring[i + 1]![0] * p[1], 0)) / 2;
const polygonFromGk = (def: string, ring: XY[]): GeoJSON.Polygon => ({ type: 'Polygon', coordinates: [ring.map((p) => toLonLat(def, p))] });
const within = (actual: number, expected: number, tolerance = 0.001) => expect(Math.abs(actual - expected) / expected).toBeLessThan(tolerance);

const demoFile = (key: string) => JSON.parse(readFileSync(new URL(`../../data/demo/${key}.geojson`, import.meta.url), 'utf8')) as GeoJSON.FeatureCollection;

let ctx: TestContext;
let planner: Awaited<ReturnType<typeof loginAs>>;
const testLayerKey = `siting-test-${Date.now().toString(36)}`;

beforeAll(async () => {
  ctx = await testContext();
  planner = await loginAs(ctx.app, 'planner');
});

const analyze = (geometry: unknown, needs?: unknown) => planner.post('/api/siting/analyze').send({ geometry, needs });

describe('POST /api/siting/analyze: area accuracy against an independent GK computation', () => {
  // A 400 m × 300 m rectangle in 东昌府区's central city (zone 39), built in the GK plane.
  const origin = toGk(GK39, [116.035, 36.425]);
  const siteRing = rectangle(origin, 400, 300);

  it('measures a 东昌府区 site in EPSG:4527 within 0.1 % of the shoelace area of its GK corners', async () => {
    const res = await analyze(polygonFromGk(GK39, siteRing)).expect(200);
    const expected = shoelace(siteRing);
    expect(expected).toBeCloseTo(120_000, 3);
    expect(res.body.area.epsg).toBe(4527);
    within(res.body.area.m2, expected);
    within(res.body.area.mu, expected / (10000 / 15));
    within(res.body.area.ha, expected / 10_000);
    within(res.body.area.ellipsoidalM2, expected, 0.005);
    expect(res.body.region.county).toEqual({ code: '371502', name: '东昌府区' });
  });

  it('measures a 冠县 site west of 115.5°E in EPSG:4526 (zone 38)', async () => {
    const ring = rectangle(toGk(GK38, [115.4, 36.48]), 500, 250);
    const res = await analyze(polygonFromGk(GK38, ring)).expect(200);
    expect(res.body.area.epsg).toBe(4526);
    within(res.body.area.m2, shoelace(ring));
    expect(res.body.region.county.name).toBe('冠县');
  });

  it('measures a site straddling 115.5°E as one parcel in the zone of its centroid', async () => {
    // Centroid ~60 m west of 115.5°E: the whole site is measured in zone 38, never split.
    const centre = toGk(GK38, [115.4993, 36.5]);
    const ring = rectangle([centre[0] - 300, centre[1] - 100], 600, 200);
    const site = polygonFromGk(GK38, ring);
    const lons = site.coordinates[0]!.map((p) => p[0]!);
    expect(Math.min(...lons)).toBeLessThan(115.5);
    expect(Math.max(...lons)).toBeGreaterThan(115.5);
    const res = await analyze(site).expect(200);
    expect(res.body.area.epsg).toBe(4526);
    within(res.body.area.m2, shoelace(ring));
  });

  it('reports the overlap with a hard layer within 0.1 % of the independently computed overlap, and forbids', async () => {
    // The test layer lives in a transaction that is rolled back: on a shared PostgreSQL database other
    // test files (other workers) count layer_features and must never see it. The app under test is
    // built on that transaction, so the request path is the real one.
    const trx = await ctx.db.knex.transaction();
    try {
      const app = createApp({ config: ctx.config, db: { ...ctx.db, knex: trx as unknown as Knex }, log: () => {} });
      const agent = await loginAs(app, 'planner');
      // A test layer of kind hard whose only feature covers the east half of the site.
      const featureRing = rectangle([origin[0] + 200, origin[1] - 100], 400, 500);
      const [layer] = await trx('layers').insert({ key: testLayerKey, name: '测试刚性管控', group_name: '三区三线', kind: 'hard', geometry_type: 'polygon' }).returning('id');
      const [feature] = await trx('layer_features')
        .insert({ layer_id: layer.id, properties: { name: '测试管控区' }, geom: trx.raw('ST_SetSRID(ST_GeomFromGeoJSON(?::text), 4326)', [JSON.stringify(polygonFromGk(GK39, featureRing))]) })
        .returning('id');

      const res = await agent.post('/api/siting/analyze').send({ geometry: polygonFromGk(GK39, siteRing) }).expect(200);
      const expectedOverlap = shoelace(rectangle([origin[0] + 200, origin[1]], 200, 300));
      const finding = res.body.findings.find((f: { layer: string }) => f.layer === testLayerKey);
      expect(finding).toMatchObject({ layerName: '测试刚性管控', kind: 'hard', measure: 'inside', severity: 'forbidden', featureIds: [Number(feature.id)] });
      within(finding.overlapM2, expectedOverlap);
      within(finding.overlapMu, expectedOverlap / (10000 / 15));
      expect(finding.share).toBeCloseTo(0.5, 3);
      expect(finding.message).toMatch(/测试刚性管控.*90\.00 亩.*50\.0%/);
      expect(res.body.verdict.result).toBe('forbidden');
      expect(res.body.verdict.rule).toMatch(/禁止选址.*测试刚性管控/);

      // Only the layer's own data decides: once the feature is gone, so is the finding.
      await trx('layer_features').where({ id: feature.id }).del();
      const after = await agent.post('/api/siting/analyze').send({ geometry: polygonFromGk(GK39, siteRing) }).expect(200);
      expect(after.body.findings.find((f: { layer: string }) => f.layer === testLayerKey)).toBeUndefined();
    } finally {
      await trx.rollback();
    }
  });
});

describe('POST /api/siting/analyze: demo layers', () => {
  it('forbids a site on a permanent-farmland patch and names the patch', async () => {
    const patch = demoFile('farmland').features[7]!;
    const row = await ctx.db.knex('layer_features').join('layers', 'layers.id', 'layer_features.layer_id')
      .where('layers.key', 'farmland').whereRaw(`layer_features.properties ->> 'code' = ?`, [patch.properties!.code]).first('layer_features.id');
    // A 100 m square around a point inside the patch, so the whole site is farmland.
    const site = turf.buffer(turf.pointOnFeature(patch), 0.05, { units: 'kilometers', steps: 8 })!.geometry;
    const res = await analyze(site).expect(200);
    const farmland = res.body.findings.find((f: { layer: string }) => f.layer === 'farmland');
    expect(farmland).toMatchObject({ layerName: '永久基本农田', kind: 'hard', severity: 'forbidden', featureIds: [Number(row.id)] });
    expect(farmland.share).toBeCloseTo(1, 3);
    expect(farmland.message).toMatch(/永久基本农田/);
    expect(res.body.verdict).toMatchObject({ result: 'forbidden', ruleId: 'farmland' });
    expect(res.body.verdict.rule).toMatch(/永久基本农田.*土地管理法/);
  });

  it('passes a site inside a stock-land parcel within the town development boundary, naming county, zone, park and capacity', async () => {
    const parcel = demoFile('stock-land').features.find((f) => f.properties!.code === '371502-CL-0002')!;
    const res = await analyze(parcel.geometry, { industry: 'C3612', landMu: 100, pollutants: { codT: 1, so2T: 100000 } }).expect(200);
    expect(res.body.verdict.result).toBe('ok');
    expect(res.body.findings.every((f: { severity: string }) => f.severity === 'info')).toBe(true);
    const boundary = res.body.findings.find((f: { layer: string }) => f.layer === 'town-development-boundary');
    expect(boundary).toMatchObject({ severity: 'info', measure: 'outside', overlapM2: 0 });
    expect(res.body.region.county).toEqual({ code: '371502', name: '东昌府区' });
    expect(res.body.region.zone).toEqual({ code: '371571', name: '聊城经济技术开发区' });
    expect(res.body.region.park).toMatchObject({ name: '聊城经济技术开发区新能源汽车产业园', industryMatch: true });
    const inside = turf.pointOnFeature(parcel);
    const unitFeature = demoFile('environmental-control-units').features.find((f) => turf.booleanPointInPolygon(inside, f as GeoJSON.Feature<GeoJSON.Polygon>))!;
    expect(res.body.region.controlUnit).toEqual({ code: unitFeature.properties!.code, name: unitFeature.properties!.name, category: unitFeature.properties!.category, capacity: unitFeature.properties!.capacity });
    expect(res.body.roads.distanceM).toBeGreaterThanOrEqual(0);
    expect(typeof res.body.roads.nearestName).toBe('string');

    // Stock land in 东昌府区: every demo parcel of the county, each measured in its own GK zone (all in 39 here).
    const county = demoFile('stock-land').features.filter((f) => f.properties!.county === '371502');
    const expectedM2 = county.reduce((s, f) => s + shoelace((f.geometry as GeoJSON.Polygon).coordinates[0]!.map((p) => toGk(GK39, p as XY))), 0);
    expect(res.body.capacity.stockLand.parcels).toBe(county.length);
    within(res.body.capacity.stockLand.m2, expectedM2);
    const unit = res.body.capacity.controlUnit;
    const so2 = unit.items.find((i: { factor: string }) => i.factor === 'so2T');
    const gaps = res.body.capacity.gaps as { factor: string }[];
    expect(gaps.filter((g) => !g.factor.startsWith('pool:'))).toEqual([{ factor: 'so2T', name: '二氧化硫', needed: 100000, available: so2.remainingT, gap: expect.closeTo(100000 - so2.remainingT, 3), unit: '吨/年' }]);
    // The county and city SO₂ pools of the ledger cannot hold 100 000 t/a either (siting-capacity.test.ts checks the figures).
    expect(gaps.filter((g) => g.factor.startsWith('pool:')).map((g) => g.factor)).toEqual(['pool:so2']);
    expect(res.body.capacity.factorPools.county).toBe('东昌府区');
  });

  it('asks for adjustment when part of the site lies outside the town development boundary, saying how much', async () => {
    const boundary = demoFile('town-development-boundary').features.find((f) => f.properties!.county === '371502')!;
    // A 400 m × 300 m rectangle centred on the boundary's easternmost vertex: part of it lies outside.
    const ring = (boundary.geometry.type === 'Polygon' ? boundary.geometry.coordinates[0]! : (boundary.geometry as GeoJSON.MultiPolygon).coordinates[0]![0]!) as XY[];
    const east = ring.reduce((a, b) => (b[0] > a[0] ? b : a));
    const c = toGk(GK39, east);
    const res = await analyze(polygonFromGk(GK39, rectangle([c[0] - 200, c[1] - 150], 400, 300))).expect(200);
    const finding = res.body.findings.find((f: { layer: string }) => f.layer === 'town-development-boundary');
    expect(finding.severity).toBe('adjust');
    expect(finding.share).toBeGreaterThan(0.2);
    expect(finding.share).toBeLessThan(1);
    expect(finding.message).toMatch(/位于城镇开发边界外/);
    expect(finding.message).toContain(`${(finding.overlapM2 / (10000 / 15)).toFixed(2)} 亩`);
  });

  it('treats a 二级 water-source protection zone as adjust and a 一级 one as forbidden', async () => {
    const zones = demoFile('water-source-protection').features;
    for (const [level, severity] of [['二级保护区', 'adjust'], ['一级保护区', 'forbidden']] as const) {
      const zone = zones.find((f) => f.properties!.level === level)!;
      // Pick a point inside this zone but outside any other zone of the layer (一级 sits inside 二级).
      const inner = zones.filter((f) => f !== zone && turf.booleanIntersects(f, zone));
      const grid = turf.pointGrid(turf.bbox(zone), 0.05, { units: 'kilometers', mask: zone as GeoJSON.Feature<GeoJSON.Polygon> });
      const point = grid.features.find((p) => inner.every((f) => !turf.booleanPointInPolygon(turf.buffer(p, 0.02, { units: 'kilometers' })!.geometry.coordinates[0]![0] as XY, f as GeoJSON.Feature<GeoJSON.Polygon>) && !turf.booleanPointInPolygon(p, f as GeoJSON.Feature<GeoJSON.Polygon>)))!;
      const site = turf.buffer(point, 0.01, { units: 'kilometers', steps: 4 })!.geometry;
      const res = await analyze(site).expect(200);
      const finding = res.body.findings.find((f: { layer: string; severity: string }) => f.layer === 'water-source-protection' && f.severity === severity);
      expect(finding, level).toBeDefined();
      expect(finding.message).toContain(level.slice(0, 2));
      if (severity === 'adjust') expect(res.body.findings.some((f: { layer: string; severity: string }) => f.layer === 'water-source-protection' && f.severity === 'forbidden')).toBe(false);
    }
  });
});

describe('POST /api/siting/analyze: bad input is refused with 400 and a Chinese message', () => {
  const inCity = toGk(GK39, [116.035, 36.425]);
  const square = (size: number): GeoJSON.Polygon => polygonFromGk(GK39, rectangle(inCity, size, size));
  const manyVertices = (n: number): GeoJSON.Polygon => {
    const c: XY = [116.035, 36.425];
    const ring = Array.from({ length: n - 1 }, (_, i) => [c[0] + 0.01 * Math.cos((2 * Math.PI * i) / (n - 1)), c[1] + 0.01 * Math.sin((2 * Math.PI * i) / (n - 1))] as XY);
    return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
  };
  const bowtie: GeoJSON.Polygon = { type: 'Polygon', coordinates: [[[116.03, 36.42], [116.04, 36.43], [116.04, 36.42], [116.03, 36.43], [116.03, 36.42]]] };

  it.each([
    ['a point', { type: 'Point', coordinates: [116.03, 36.42] }, 'SITE_NOT_POLYGON', /须为面/],
    ['a line', { type: 'LineString', coordinates: [[116.03, 36.42], [116.04, 36.43]] }, 'SITE_NOT_POLYGON', /须为面/],
    ['no geometry', undefined, 'SITE_NOT_POLYGON', /缺少选址范围/],
    ['empty coordinates', { type: 'Polygon', coordinates: [] }, 'SITE_DEGENERATE', /没有坐标/],
    ['a ring of 3 positions', { type: 'Polygon', coordinates: [[[116.03, 36.42], [116.04, 36.42], [116.03, 36.42]]] }, 'SITE_DEGENERATE', /至少需要 4 个点/],
    ['an unclosed ring', { type: 'Polygon', coordinates: [[[116.03, 36.42], [116.04, 36.42], [116.04, 36.43], [116.03, 36.43]]] }, 'SITE_DEGENERATE', /没有闭合/],
    ['a zero-area ring', { type: 'Polygon', coordinates: [[[116.03, 36.42], [116.04, 36.42], [116.05, 36.42], [116.03, 36.42]]] }, 'SITE_DEGENERATE', /面积为零/],
    ['non-numeric coordinates', { type: 'Polygon', coordinates: [[['116', 36.42], [116.04, 36.42], [116.04, 36.43], ['116', 36.42]]] }, 'SITE_BAD_COORDINATES', /无效坐标/],
    ['a self-intersecting ring', bowtie, 'SITE_INVALID', /边界无效.*自相交/],
    ['GK metres instead of lon/lat', { type: 'Polygon', coordinates: [rectangle(inCity, 100, 100)] }, 'SITE_NOT_LONLAT', /不是经纬度/],
    ['a site outside 聊城市 (Beijing)', { type: 'Polygon', coordinates: [[[116.39, 39.9], [116.4, 39.9], [116.4, 39.91], [116.39, 39.91], [116.39, 39.9]]] }, 'SITE_OUTSIDE_CITY', /不在聊城市/],
    ['more than 100 000 vertices', manyVertices(100_002), 'SITE_TOO_MANY_VERTICES', /超过 100,000 个上限/],
    ['an area over 100 km²', square(10_100), 'SITE_TOO_LARGE', /超过单次分析 100 平方公里/],
  ])('refuses %s', async (_what, geometry, code, message) => {
    const res = await analyze(geometry).expect(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('accepts just under the limits: 100 000 vertices and a site of ~99 km²', async () => {
    const many = await analyze(manyVertices(100_000)).expect(200);
    expect(many.body.area.epsg).toBe(4527);
    const big = await analyze(square(9_900)).expect(200);
    within(big.body.area.m2, 9_900 * 9_900);
  });

  it('refuses a body that is not JSON, or not a JSON object', async () => {
    const bad = await planner.post('/api/siting/analyze').set('Content-Type', 'application/json').send('{"geometry": ').expect(400);
    expect(bad.body.error.message).toBe('请求内容不是有效的 JSON');
    const text = await planner.post('/api/siting/analyze').set('Content-Type', 'text/plain').send('POLYGON((116 36, 116.1 36, 116.1 36.1, 116 36))').expect(400);
    expect(text.body.error).toMatchObject({ code: 'SITE_NOT_OBJECT', message: expect.stringMatching(/须为 JSON 对象/) });
    const array = await planner.post('/api/siting/analyze').send([1, 2]).expect(400);
    expect(array.body.error.code).toBe('SITE_NOT_OBJECT');
  });

  it('refuses bad needs with the field named', async () => {
    const res = await analyze(square(100), { landMu: -5 }).expect(400);
    expect(res.body.error.message).toMatch(/用地需求（亩）不能为负数/);
    const unknown = await analyze(square(100), { pollutants: { pm25: 1 } }).expect(400);
    expect(unknown.body.error.message).toMatch(/污染物只能是/);
  });

  it('keeps the engine answering after every refusal (nothing half-done, no hung GEOS)', async () => {
    await analyze(bowtie).expect(400);
    const res = await analyze(square(200)).expect(200);
    within(res.body.area.m2, 40_000);
  });
});

describe('POST /api/siting/analyze: access', () => {
  it('requires a login', async () => {
    await request(ctx.app).post('/api/siting/analyze').send({ geometry: null }).expect(401);
  });

  it('refuses a leader (no siting.use) with 403, before reading the body', async () => {
    const leader = await loginAs(ctx.app, 'leader');
    const res = await leader.post('/api/siting/analyze').send({ geometry: { type: 'Point', coordinates: [0, 0] } }).expect(403);
    expect(res.body.error.message).toMatch(/精准选址/);
  });

  it('lets the city command and a department reviewer analyse', async () => {
    const site = { type: 'Polygon', coordinates: [[[116.03, 36.42], [116.031, 36.42], [116.031, 36.421], [116.03, 36.421], [116.03, 36.42]]] };
    for (const user of ['city', 'zrzy']) {
      const agent = await loginAs(ctx.app, user);
      await agent.post('/api/siting/analyze').send({ geometry: site }).expect(200);
    }
  });
});
