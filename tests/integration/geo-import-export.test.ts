import { readFileSync } from 'node:fs';
import { unzipSync, zipSync, strToU8 } from 'fflate';
import * as turf from '@turf/turf';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseGeoFile } from '../../server/src/modules/blueprint/formats/index.ts';
import { binary } from '../support/binary.ts';
import { loginAs, testContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
let admin: Awaited<ReturnType<typeof loginAs>>;
let planner: Awaited<ReturnType<typeof loginAs>>;
const fixture = (name: string) => readFileSync(new URL(`../fixtures/formats/${name}`, import.meta.url));

beforeAll(async () => {
  ctx = await testContext();
  admin = await loginAs(ctx.app, 'admin');
  planner = await loginAs(ctx.app, 'planner');
});


const countRows = async (table: string) => Number((await ctx.db.knex(table).count<{ n: number }[]>('* as n'))[0]!.n);

describe('POST /api/geo/parse (nothing stored)', () => {
  it('reads a GBK 坐标文件 into lon/lat features in 东昌府区 with Chinese attributes', async () => {
    const before = await countRows('layer_features');
    const res = await planner.post('/api/geo/parse').attach('file', fixture('two-parcels.gbk.txt'), '两个地块.txt').expect(200);
    expect(res.body.format).toBe('coordinate-file');
    expect(res.body.crs.epsg).toBe(4527);
    const [dk01, dk02] = res.body.features.features as GeoJSON.Feature<GeoJSON.Polygon>[];
    expect(dk01!.properties).toMatchObject({ code: 'DK01', name: '东昌府区化工园地块', use: '工业用地' });
    expect(dk02!.properties!.name).toBe('阳谷县物流园地块');
    expect(dk01!.geometry.coordinates).toHaveLength(2); // outer ring and the hole
    const [lon, lat] = turf.centroid(dk01!).geometry.coordinates as [number, number];
    expect(lon).toBeGreaterThan(115.95);
    expect(lon).toBeLessThan(116.05);
    expect(lat).toBeGreaterThan(36.4);
    expect(lat).toBeLessThan(36.5);
    // 200 m × 150 m minus a 20 m × 20 m hole = 29 600 m²; geodesic area of the transformed ring agrees within 0.5 %.
    expect(turf.area(dk01!) / 29_600).toBeCloseTo(1, 2);
    expect(await countRows('layer_features')).toBe(before);
  });

  it('keeps Chinese attribute names and values of a GBK shapefile (.cpg = 936)', async () => {
    const res = await planner.post('/api/geo/parse').attach('file', fixture('parcels-gbk-cpg936.zip'), 'parcels.zip').expect(200);
    expect(res.body.format).toBe('shapefile');
    const props = res.body.features.features.map((f: GeoJSON.Feature) => f.properties);
    const text = JSON.stringify(props);
    expect(text).toMatch(/东昌府区/);
    expect(Object.keys(props[0]).some((k) => /[\u4e00-\u9fff]/.test(k))).toBe(true);
  });

  it.each([
    ['broken.zip', 'broken.zip', 400, /压缩|zip|损坏|截断/i],
    ['evil-path.zip', 'evil.zip', 400, /\.\.|路径/],
    ['projected-no-crs.geojson', 'x.geojson', 400, /坐标系/],
    ['parcels-xian80.zip', 'xian80.zip', 400, /西安|1980|CGCS2000/],
  ])('refuses %s with a Chinese message', async (file, name, status, message) => {
    const res = await planner.post('/api/geo/parse').attach('file', fixture(file), name).expect(status);
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses a zipped shapefile without .prj and without a declared CRS when its coordinates are projected', async () => {
    const zip = unzipSync(new Uint8Array(fixture('parcels-4548.zip')));
    const noPrj = Object.fromEntries(Object.entries(zip).filter(([name]) => !name.endsWith('.prj')));
    const res = await planner.post('/api/geo/parse').attach('file', Buffer.from(zipSync(noPrj)), 'noprj.zip').expect(400);
    expect(res.body.error.message).toMatch(/坐标系/);
    const declared = await planner.post('/api/geo/parse').field('crs', 'EPSG:4548').attach('file', Buffer.from(zipSync(noPrj)), 'noprj.zip').expect(200);
    expect(declared.body.crs).toMatchObject({ epsg: 4548, source: 'declared' });
  });

  it('refuses a 坐标文件 whose 带号 contradicts the Y prefix, or reports it', async () => {
    const res = await planner.post('/api/geo/parse').attach('file', fixture('zone-mismatch.gbk.txt'), 'zone.txt');
    const text = JSON.stringify(res.body);
    expect(text).toMatch(/带号/);
    expect(text).toMatch(/38/);
    expect(text).toMatch(/39/);
  });

  it('refuses a self-intersecting ring whose repair would change the area, naming the feature', async () => {
    const bowtie = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '蝴蝶形地块' }, geometry: { type: 'Polygon', coordinates: [[[116.0, 36.4], [116.01, 36.41], [116.01, 36.4], [116.0, 36.41], [116.0, 36.4]]] } }] };
    const res = await planner.post('/api/geo/parse').attach('file', Buffer.from(JSON.stringify(bowtie)), 'bowtie.geojson').expect(400);
    expect(res.body.error.message).toMatch(/第 1 个要素（蝴蝶形地块）的几何图形无效（Self-intersection/);
    expect(res.body.error.message).toMatch(/超过 0\.1%/);
  });

  it('repairs a ring with a zero-area spike and reports it', async () => {
    const spike = { type: 'Feature', properties: { name: '带尖刺的地块' }, geometry: { type: 'Polygon', coordinates: [[[116.0, 36.4], [116.01, 36.4], [116.02, 36.4], [116.01, 36.4], [116.01, 36.41], [116.0, 36.41], [116.0, 36.4]]] } };
    const res = await planner.post('/api/geo/parse').attach('file', Buffer.from(JSON.stringify(spike)), 'spike.geojson').expect(200);
    expect(res.body.report.map((i: { code: string }) => i.code)).toContain('geometry-repaired');
  });

  it('refuses a feature outside 聊城市, naming it', async () => {
    const beijing = { type: 'Feature', properties: { name: '天安门' }, geometry: { type: 'Point', coordinates: [116.397, 39.908] } };
    const res = await planner.post('/api/geo/parse').attach('file', Buffer.from(JSON.stringify(beijing)), 'bj.geojson').expect(400);
    expect(res.body.error.message).toMatch(/第 1 个要素（天安门）不在聊城市范围内/);
  });

  it('refuses a 50 MB GeoJSON with 413', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 10, 0x20);
    big.write('{"type":"FeatureCollection","features":[]}');
    const res = await planner.post('/api/geo/parse').attach('file', big, 'big.geojson').expect(413);
    expect(res.body.error.message).toMatch(/50 MB/);
  });

  it('asks for a file, and for a login', async () => {
    const res = await planner.post('/api/geo/parse').field('crs', '').expect(400);
    expect(res.body.error.message).toMatch(/请选择要上传的文件/);
    await request(ctx.app).post('/api/geo/parse').attach('file', fixture('two-placemarks.kml'), 'a.kml').expect(401);
  });
});

describe('POST /api/layers (create from a file)', () => {
  it('creates a layer from a GBK shapefile in one go; its tiles are served', async () => {
    const res = await admin.post('/api/layers').field('name', '导入测试地块').field('group', '土地').field('kind', 'hard').attach('file', fixture('parcels-gbk-cp936.zip'), 'p.zip').expect(201);
    expect(res.body.key).toMatch(/^imp-[0-9a-f]{10}$/);
    expect(res.body.featureCount).toBeGreaterThan(0);
    const layer = (await admin.get('/api/layers').expect(200)).body.find((l: { key: string }) => l.key === res.body.key);
    expect(layer).toMatchObject({ name: '导入测试地块', group: '土地', kind: 'hard', featureCount: res.body.featureCount, version: 1 });
    const audit = await ctx.db.knex('audit_log').where({ action: 'layer.create', entity_id: res.body.key }).first();
    expect(audit.actor_username).toBe('admin');
  });

  it('is for data managers only', async () => {
    const res = await planner.post('/api/layers').field('name', 'x').field('group', '土地').field('kind', 'hard').attach('file', fixture('parcels-4326.geojson'), 'p.geojson').expect(403);
    expect(res.body.error.message).toMatch(/权限/);
  });

  it('stores nothing when one feature is bad', async () => {
    // Counted by what this upload would write: other test files add layers at the same time on PostgreSQL.
    const written = async () => [
      Number((await ctx.db.knex('layers').where({ name: '半途' }).count({ n: '*' }))[0]!.n),
      Number((await ctx.db.knex('layer_features').whereRaw(`properties ->> 'name' = '远方'`).count({ n: '*' }))[0]!.n),
    ];
    const before = await written();
    const good = JSON.parse(fixture('parcels-4326.geojson').toString());
    good.features.push({ type: 'Feature', properties: { name: '远方' }, geometry: { type: 'Point', coordinates: [100, 30] } });
    const res = await admin.post('/api/layers').field('name', '半途').field('group', '土地').field('kind', 'reference').attach('file', Buffer.from(JSON.stringify(good)), 'mixed.geojson').expect(400);
    expect(res.body.error.message).toMatch(/不在聊城市范围内|同时含有/);
    expect(await written()).toEqual(before);
    expect(before).toEqual([0, 0]);
  });

  it('validates the form fields', async () => {
    const res = await admin.post('/api/layers').field('name', '').field('group', '土地').field('kind', 'hard').attach('file', fixture('parcels-4326.geojson'), 'p.geojson').expect(400);
    expect(res.body.error.message).toMatch(/图层名称/);
    const kind = await admin.post('/api/layers').field('name', 'a').field('group', '其他').field('kind', 'hard').attach('file', fixture('parcels-4326.geojson'), 'p.geojson').expect(400);
    expect(kind.body.error.message).toMatch(/图层分组/);
  });
});

describe('import into a layer and export', () => {
  let key: string;
  beforeAll(async () => {
    const res = await admin.post('/api/layers').field('name', '坐标文件往返').field('group', '土地').field('kind', 'reference').attach('file', fixture('two-parcels.gbk.txt'), 'p.txt').expect(201);
    key = res.body.key;
  });

  it('keeps every point of a 坐标文件 within 1 mm through GeoJSON (EPSG:4326) and back', async () => {
    const original = parseGeoFile(new Uint8Array(fixture('two-parcels.gbk.txt')), 'p.txt');
    const res = await admin.get(`/api/layers/${key}/export`).query({ format: 'coordinate-file', zone: 39, encoding: 'gbk' }).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
    const again = parseGeoFile(new Uint8Array(res.body as Buffer), 'back.txt');
    expect(again.crs.epsg).toBe(4527);
    const points = (fc: GeoJSON.Feature[]) => fc.flatMap((f) => (f.geometry as GeoJSON.Polygon).coordinates.flat());
    const a = points(original.features);
    const b = points(again.features);
    expect(b).toHaveLength(a.length);
    const worst = Math.max(...a.map((p, i) => Math.hypot(p[0]! - b[i]![0]!, p[1]! - b[i]![1]!)));
    expect(worst).toBeLessThan(0.001);
    expect(again.features[0]!.properties).toMatchObject({ code: 'DK01', name: '东昌府区化工园地块' });
  });

  it('exports a zipped shapefile with .prj and .cpg, and a GeoJSON selection by ids', async () => {
    const zip = await admin.get(`/api/layers/${key}/export`).query({ format: 'shapefile' }).buffer(true).parse(binary).expect(200);
    const names = Object.keys(unzipSync(new Uint8Array(zip.body as Buffer)));
    for (const ext of ['.shp', '.shx', '.dbf', '.prj', '.cpg']) expect(names.some((n) => n.endsWith(ext)), ext).toBe(true);
    const all = await admin.get(`/api/layers/${key}/features`).query({ bbox: '115,35,117,38' }).expect(200);
    const first = all.body.features[0].id;
    const one = await admin.get(`/api/layers/${key}/export`).query({ format: 'geojson', ids: String(first) }).buffer(true).parse(binary).expect(200);
    const fc = JSON.parse((one.body as Buffer).toString());
    expect(fc.features.map((f: { id: number }) => f.id)).toEqual([first]);
  });

  it('refuses 坐标文件 export of a line layer and an unknown format', async () => {
    const lines = await admin.get('/api/layers/main-roads/export').query({ format: 'coordinate-file' }).expect(400);
    expect(lines.body.error.message).toMatch(/只能导出面要素/);
    const fmt = await admin.get(`/api/layers/${key}/export`).query({ format: 'dwg' }).expect(400);
    expect(fmt.body.error.message).toMatch(/导出格式/);
  });

  it('appends and replaces, bumping the version so tiles refresh', async () => {
    const append = await admin.post(`/api/layers/${key}/import`).field('mode', 'append').attach('file', fixture('two-parcels.gbk.txt'), 'p.txt').expect(200);
    expect(append.body).toMatchObject({ featureCount: 4, added: 2, version: 2 });
    const replace = await admin.post(`/api/layers/${key}/import`).field('mode', 'replace').attach('file', fixture('two-parcels.gbk.txt'), 'p.txt').expect(200);
    expect(replace.body).toMatchObject({ featureCount: 2, added: 2, version: 3 });
    const wrongType = await admin.post(`/api/layers/main-roads/import`).field('mode', 'append').attach('file', fixture('two-parcels.gbk.txt'), 'p.txt').expect(400);
    expect(wrongType.body.error.message).toMatch(/线图层/);
  });
});

// A zip created on the fly: a KMZ whose doc.kml holds Chinese placemark names.
describe('KML', () => {
  it('reads placemarks from a KMZ', async () => {
    const kml = fixture('two-placemarks.kml').toString();
    const kmz = zipSync({ 'doc.kml': strToU8(kml) });
    const res = await planner.post('/api/geo/parse').attach('file', Buffer.from(kmz), 'a.kmz').expect(200);
    expect(res.body.format).toBe('kml');
    expect(res.body.crs.epsg).toBe(4326);
    const names = res.body.features.features.map((f: GeoJSON.Feature) => f.properties!.name);
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(names.join()).toMatch(/[\u4e00-\u9fff]/);
  });
});
