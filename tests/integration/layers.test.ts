import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LAYERS } from '../../server/src/demo/demo-layers.ts';
import { loginAs, testContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
let planner: Awaited<ReturnType<typeof loginAs>>;
beforeAll(async () => {
  ctx = await testContext();
  planner = await loginAs(ctx.app, 'planner');
});

const demoFile = (key: string) => JSON.parse(readFileSync(new URL(`../../data/demo/${key}.geojson`, import.meta.url), 'utf8')) as GeoJSON.FeatureCollection;

describe('GET /api/layers', () => {
  it('lists the demo layers with key, Chinese name, group, kind, version and counts matching the data files', async () => {
    const res = await planner.get('/api/layers').expect(200);
    const byKey = new Map(res.body.map((l: { key: string }) => [l.key, l]));
    for (const demo of DEMO_LAYERS) {
      const layer = byKey.get(demo.key) as Record<string, unknown>;
      expect(layer, demo.key).toMatchObject({ key: demo.key, name: demo.name, group: demo.group, kind: demo.kind, version: 1, isDemo: true });
      expect(layer.featureCount).toBe(demoFile(demo.key).features.length);
      expect(layer.tiles).toBe(`/tiles/${demo.key}/{z}/{x}/{y}.pbf?v=1`);
    }
    const redline = byKey.get('ecological-redline') as { bbox: number[]; sourceDepartment: { name: string } };
    expect(redline.sourceDepartment.name).toBe('市自然资源和规划局');
    const [minx, miny, maxx, maxy] = turf.bbox(demoFile('ecological-redline'));
    expect(redline.bbox[0]).toBeCloseTo(minx!, 5);
    expect(redline.bbox[3]).toBeCloseTo(maxy!, 5);
    expect(redline.bbox[2]).toBeCloseTo(maxx!, 5);
    expect(redline.bbox[1]).toBeCloseTo(miny!, 5);
  });

  it('requires a login', async () => {
    await request(ctx.app).get('/api/layers').expect(401);
  });
});

describe('features', () => {
  it('fetches one feature by id with its attributes under their Chinese labels', async () => {
    const row = await ctx.db.knex('layer_features').join('layers', 'layers.id', 'layer_features.layer_id').where('layers.key', 'farmland').first('layer_features.id', 'layer_features.properties');
    const res = await planner.get(`/api/layers/farmland/features/${row.id}`).expect(200);
    expect(res.body.layerName).toBe('永久基本农田');
    expect(res.body.geometry.type).toMatch(/Polygon/);
    const code = res.body.attributes.find((a: { key: string }) => a.key === 'code');
    expect(code).toEqual({ key: 'code', label: '图斑编号', value: row.properties.code });
  });

  it('answers a feature of another layer, or a bad id, without leaking it', async () => {
    const row = await ctx.db.knex('layer_features').join('layers', 'layers.id', 'layer_features.layer_id').where('layers.key', 'farmland').first('layer_features.id');
    const res = await planner.get(`/api/layers/stock-land/features/${row.id}`).expect(404);
    expect(res.body.error.message).toBe('要素不存在或无权访问');
    await planner.get('/api/layers/farmland/features/abc').expect(400);
  });

  it('queries a layer by bbox, flagging truncation at the limit', async () => {
    const fc = demoFile('stock-land');
    const bbox = turf.bbox(fc);
    const all = await planner.get('/api/layers/stock-land/features').query({ bbox: bbox.join(','), limit: 5000 }).expect(200);
    expect(all.body.features).toHaveLength(fc.features.length);
    expect(all.body.truncated).toBe(false);
    const few = await planner.get('/api/layers/stock-land/features').query({ bbox: bbox.join(','), limit: 3 }).expect(200);
    expect(few.body.features).toHaveLength(3);
    expect(few.body.truncated).toBe(true);
  });

  it.each([
    ['1,2,3', /4 个数字/],
    ['116,36,115,37', /最小值须小于最大值/],
    ['400000,4000000,410000,4010000', /经纬度/],
  ])('rejects bbox=%s with 400', async (bbox, message) => {
    const res = await planner.get('/api/layers/stock-land/features').query({ bbox }).expect(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('identifies what lies at a point: a farmland patch at a point inside it', async () => {
    const patch = demoFile('farmland').features[7]!;
    const [lon, lat] = turf.pointOnFeature(patch).geometry.coordinates as [number, number];
    const res = await planner.get('/api/layers/features-at').query({ lon, lat }).expect(200);
    const hit = res.body.features.find((f: { layer: string }) => f.layer === 'farmland');
    expect(hit.properties.code).toBe(patch.properties!.code);
    expect(hit.attributes.find((a: { key: string }) => a.key === 'landClass').label).toBe('地类');
  });

  it('finds a road only within the click radius', async () => {
    const road = demoFile('main-roads').features[0]!;
    const coords = (road.geometry.type === 'LineString' ? road.geometry.coordinates : (road.geometry as GeoJSON.MultiLineString).coordinates[0]!) as [number, number][];
    const [lon, lat] = coords[Math.floor(coords.length / 2)]!;
    // ~50 m north of a vertex: 1° of latitude ≈ 111 km.
    const near = await planner.get('/api/layers/features-at').query({ lon, lat: lat + 50 / 111_000, radius: 100, layers: 'main-roads' }).expect(200);
    expect(near.body.features.map((f: { properties: { name: string } }) => f.properties.name)).toContain(road.properties!.name);
    const tight = await planner.get('/api/layers/features-at').query({ lon, lat: lat + 50 / 111_000, radius: 10, layers: 'main-roads' }).expect(200);
    expect(tight.body.features.map((f: { properties: { name: string } }) => f.properties.name)).not.toContain(road.properties!.name);
  });
});
