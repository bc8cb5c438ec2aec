import { readFileSync } from 'node:fs';
import { VectorTile } from '@mapbox/vector-tile';
import * as turf from '@turf/turf';
import { PbfReader } from 'pbf';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { refreshLayerStats } from '../../server/src/modules/blueprint/layers.repository.ts';
import { encodeWithJs, encodeWithPostgis, type TileEncoder } from '../../server/src/modules/blueprint/tile-encoders.ts';
import { loginAs, testContext, type TestContext } from '../support/test-app.ts';
import { binary } from '../support/binary.ts';
import { lonLatToTilePixel, tileBounds } from '../support/tile-math.ts';

let ctx: TestContext;
let planner: Awaited<ReturnType<typeof loginAs>>;
let layerId: number;
let featureId: number;
const key = `tile-test-${Date.now().toString(36)}`;
// A square in the middle half of the z=12 tile that holds a point south-east of 聊城 city centre.
const Z = 12;
const home = lonLatToTilePixel(116.1, 36.3, Z);
const b = tileBounds(Z, home.x, home.y);
const SQUARE = {
  west: b.west + (b.east - b.west) / 4,
  east: b.east - (b.east - b.west) / 4,
  south: b.south + (b.north - b.south) / 4,
  north: b.north - (b.north - b.south) / 4,
};
const sw = lonLatToTilePixel(SQUARE.west, SQUARE.south, Z);
const ne = lonLatToTilePixel(SQUARE.east, SQUARE.north, Z);

beforeAll(async () => {
  ctx = await testContext();
  planner = await loginAs(ctx.app, 'planner');
  const [layer] = await ctx.db.knex('layers').insert({ key, name: '瓦片测试', group_name: '土地', kind: 'reference', geometry_type: 'polygon' }).returning('id');
  layerId = layer.id;
  const [f] = await ctx.db.knex.raw(
    `insert into layer_features (layer_id, properties, geom) values (?, ?, ST_MakeEnvelope(?, ?, ?, ?, 4326)) returning id`,
    [layerId, JSON.stringify({ name: '测试地块', areaMu: 12.5, nested: { a: 1 }, tags: ['x'] }), SQUARE.west, SQUARE.south, SQUARE.east, SQUARE.north],
  ).then((r) => r.rows);
  featureId = f.id;
  await refreshLayerStats(ctx.db.knex, layerId);
});

const decode = (buf: Buffer) => new VectorTile(new PbfReader(buf));

// The same assertions for every encoder the engine has: PostGIS ST_AsMVT on server PostGIS, and the
// JavaScript encoder (geojson-vt + vt-pbf), which is what PGlite uses and what PostGIS can also run.
const encoders = (): TileEncoder[] => (ctx.db.capabilities.mvt ? ['postgis', 'js'] : ['js']);
const encode = (e: TileEncoder, t: { z: number; x: number; y: number }) =>
  (e === 'postgis' ? encodeWithPostgis : encodeWithJs)(ctx.db.knex, { layerId, layerName: key, ...t });

describe('vector tile encoders', () => {
  it('put the known square where the tile arithmetic says, with its id and scalar attributes', async () => {
    expect(sw.x).toBe(ne.x);
    expect(sw.y).toBe(ne.y);
    for (const e of encoders()) {
      const tile = decode(await encode(e, { z: Z, x: sw.x, y: sw.y }));
      const layer = tile.layers[key]!;
      expect(layer, e).toBeDefined();
      expect(layer.extent).toBe(4096);
      expect(layer.length).toBe(1);
      const f = layer.feature(0);
      expect(f.id).toBe(featureId);
      expect(f.type).toBe(3);
      expect(f.properties).toEqual({ name: '测试地块', areaMu: 12.5 });
      const pts = f.loadGeometry().flat();
      const xs = pts.map((p) => p.x);
      const ys = pts.map((p) => p.y);
      // Quantised to the 4096 grid: within one pixel of the exact projection.
      expect(Math.abs(Math.min(...xs) - sw.px), e).toBeLessThanOrEqual(1);
      expect(Math.abs(Math.max(...xs) - ne.px), e).toBeLessThanOrEqual(1);
      expect(Math.abs(Math.max(...ys) - sw.py), e).toBeLessThanOrEqual(1);
      expect(Math.abs(Math.min(...ys) - ne.py), e).toBeLessThanOrEqual(1);
    }
  });

  it('give an empty tile away from the data', async () => {
    for (const e of encoders()) expect((await encode(e, { z: Z, x: sw.x + 5, y: sw.y })).length, e).toBe(0);
  });

  it('hold exactly the farmland patches of a tile over 聊城 at z=10: all that meet the tile, none beyond its buffer', async () => {
    const farmland = await ctx.db.knex('layers').where({ key: 'farmland' }).first('id');
    const t = lonLatToTilePixel(115.98, 36.45, 10);
    // Lower bound, independent of the database: turf on the source file against the tile's lon/lat box.
    const bounds = tileBounds(10, t.x, t.y);
    const box = turf.bboxPolygon([bounds.west, bounds.south, bounds.east, bounds.north]);
    const source = JSON.parse(readFileSync(new URL('../../data/demo/farmland.geojson', import.meta.url), 'utf8')) as GeoJSON.FeatureCollection;
    const meeting = source.features.filter((f) => turf.booleanIntersects(f, box)).map((f) => f.properties!.code as string);
    expect(meeting.length).toBeGreaterThan(10);
    // Upper bound: what meets the tile grown by the 64-pixel buffer.
    const grown = await ctx.db.knex.raw(
      `select properties ->> 'code' as code from layer_features where layer_id = ? and ST_Intersects(geom_3857, ST_TileEnvelope(10, ?, ?, margin => 64.0 / 4096))`,
      [farmland.id, t.x, t.y],
    );
    const allowed = new Set(grown.rows.map((r: { code: string }) => r.code));
    for (const e of encoders()) {
      const buf = await (e === 'postgis' ? encodeWithPostgis : encodeWithJs)(ctx.db.knex, { layerId: farmland.id, layerName: 'farmland', z: 10, x: t.x, y: t.y });
      const layer = decode(buf).layers.farmland!;
      const codes = new Set(Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties.code as string));
      for (const code of meeting) expect(codes.has(code), `${e}: ${code} meets the tile`).toBe(true);
      for (const code of codes) expect(allowed.has(code), `${e}: ${code} lies beyond the buffer`).toBe(true);
    }
  });
});

describe('GET /tiles/{layer}/{z}/{x}/{y}.pbf', () => {
  it('serves a Mapbox Vector Tile with an ETag from the layer version, and 304 for If-None-Match', async () => {
    const res = await planner.get(`/tiles/${key}/${Z}/${sw.x}/${sw.y}.pbf?v=1`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    expect(res.headers['cache-control']).toBe('private, max-age=86400');
    expect(decode(res.body as Buffer).layers[key]!.length).toBe(1);
    const etag = String(res.headers.etag);
    expect(etag).toBe(`W/"${key}-v1"`);
    await planner.get(`/tiles/${key}/${Z}/${sw.x}/${sw.y}.pbf`).set('If-None-Match', etag).expect(304);
    await ctx.db.knex('layers').where({ id: layerId }).update({ version: 2 });
    const after = await planner.get(`/tiles/${key}/${Z}/${sw.x}/${sw.y}.pbf`).set('If-None-Match', etag).expect(200);
    expect(after.headers.etag).toBe(`W/"${key}-v2"`);
    expect(after.headers['cache-control']).toBe('private, no-cache');
  });

  it('serves nothing below the layer min zoom (dense layers)', async () => {
    await ctx.db.knex('layers').where({ id: layerId }).update({ min_zoom: Z + 1 });
    try {
      await planner.get(`/tiles/${key}/${Z}/${sw.x}/${sw.y}.pbf`).expect(204);
      await planner.get(`/tiles/${key}/${Z + 1}/${sw.x * 2 + 1}/${sw.y * 2 + 1}.pbf`).expect(200);
    } finally {
      await ctx.db.knex('layers').where({ id: layerId }).update({ min_zoom: 0 });
    }
  });

  it('answers an empty tile with 204', async () => {
    await planner.get(`/tiles/${key}/${Z}/${sw.x + 5}/${sw.y}.pbf`).expect(204);
  });

  it.each([
    ['1.5/0/0.pbf', /非负整数/],
    ['a/0/0.pbf', /非负整数/],
    ['3/0/-1.pbf', /非负整数/],
    ['3/0/0.png', /非负整数/],
    ['23/0/0.pbf', /超出范围/],
    ['3/8/0.pbf', /0–7/],
    ['3/0/8.pbf', /0–7/],
  ])('rejects %s with 400', async (path, message) => {
    const res = await planner.get(`/tiles/${key}/${path}`).expect(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('answers 404 for an unknown layer and, identically, for a layer the user may not see', async () => {
    const unknown = await planner.get(`/tiles/no-such-layer/0/0/0.pbf`).expect(404);
    await ctx.db.knex('layers').where({ id: layerId }).update({ visible_to_roles: ['leader'] });
    try {
      const hidden = await planner.get(`/tiles/${key}/0/0/0.pbf`).expect(404);
      expect(hidden.body).toEqual(unknown.body);
      const leader = await loginAs(ctx.app, 'leader');
      await leader.get(`/tiles/${key}/${Z}/${sw.x}/${sw.y}.pbf`).expect(200);
    } finally {
      await ctx.db.knex('layers').where({ id: layerId }).update({ visible_to_roles: [] });
    }
  });

  it('requires a login', async () => {
    await request(ctx.app).get(`/tiles/${key}/0/0/0.pbf`).expect(401);
  });
});
