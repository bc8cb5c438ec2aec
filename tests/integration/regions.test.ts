import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs, testContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
let agent: Awaited<ReturnType<typeof loginAs>>;
beforeAll(async () => {
  ctx = await testContext();
  agent = await loginAs(ctx.app, 'planner');
});

const counties = JSON.parse(readFileSync(new URL('../../data/boundaries/liaocheng-counties.geojson', import.meta.url), 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.MultiPolygon, { name: string; code: string }>;

describe('real county-level boundaries', () => {
  it.each([
    ['临清 city centre', 115.7, 36.84, '临清市'],
    ['东阿 county seat', 116.25, 36.33, '东阿县'],
    ['光岳楼, 聊城 old town', 115.985, 36.456, '东昌府区'],
    ['冠县 county seat', 115.44, 36.48, '冠县'],
    ['高唐 county seat', 116.23, 36.86, '高唐县'],
    ['阳谷 county seat', 115.79, 36.11, '阳谷县'],
    ['茌平 district seat', 116.25, 36.58, '茌平区'],
    ['莘县 county seat', 115.67, 36.23, '莘县'],
  ])('%s (%f°E %f°N) lies in %s', async (_label, lon, lat, expected) => {
    const res = await agent.get('/api/regions/at').query({ lon, lat }).expect(200);
    const countiesHit = res.body.regions.filter((r: { level: string }) => r.level === 'county').map((r: { name: string }) => r.name);
    expect(countiesHit).toEqual([expected]);
    expect(res.body.regions[0]).toMatchObject({ level: 'city', name: '聊城市' });
  });

  it('has nothing at a point outside the city (济南)', async () => {
    const res = await agent.get('/api/regions/at').query({ lon: 117.0, lat: 36.65 }).expect(200);
    expect(res.body.regions).toEqual([]);
  });

  it('rejects a latitude that is not a number', async () => {
    const res = await agent.get('/api/regions/at').query({ lon: 116, lat: 'abc' }).expect(400);
    expect(res.body.error.message).toMatch(/纬度/);
  });

  it('serves the city, 8 county-level units with current names and 3 development zones, with areas matching the source', async () => {
    const res = await agent.get('/api/regions').expect(200);
    const fc = res.body as GeoJSON.FeatureCollection;
    const byLevel = (level: string) => fc.features.filter((f) => f.properties!.level === level);
    expect(byLevel('city').map((f) => f.properties!.name)).toEqual(['聊城市']);
    expect(byLevel('county').map((f) => f.properties!.name).sort()).toEqual(['东昌府区', '东阿县', '临清市', '冠县', '茌平区', '莘县', '阳谷县', '高唐县'].sort());
    expect(byLevel('county').find((f) => f.properties!.name === '茌平区')!.properties!.code).toBe('371503');
    expect(byLevel('zone').map((f) => f.properties!.name).sort()).toEqual(['江北水城旅游度假区', '聊城经济技术开发区', '聊城高新技术产业开发区'].sort());
    // Geodesic areas from turf on the source file, compared with what the server holds after repair.
    for (const source of counties.features) {
      const served = byLevel('county').find((f) => f.properties!.code === source.properties.code)!;
      expect(turf.area(served as GeoJSON.Feature<GeoJSON.MultiPolygon>) / turf.area(source)).toBeCloseTo(1, 2);
    }
    const cityKm2 = turf.area(byLevel('city')[0] as GeoJSON.Feature<GeoJSON.MultiPolygon>) / 1e6;
    expect(cityKm2).toBeGreaterThan(8550);
    expect(cityKm2).toBeLessThan(8730);
  });

  it('requires a login', async () => {
    await request(ctx.app).get('/api/regions').expect(401);
  });
});

describe('stored geometry', () => {
  it('is valid and in EPSG:4326', async () => {
    const rows = await ctx.db.knex.raw(`select level, bool_and(ST_IsValid(geom)) as valid, min(ST_SRID(geom)) as srid from regions group by level`);
    expect(rows.rows).toHaveLength(3);
    for (const r of rows.rows) {
      expect(r.valid).toBe(true);
      expect(r.srid).toBe(4326);
    }
  });

  it('leaves no sliver gaps between neighbouring counties in the city outline: its only holes are enclaves inside one county', async () => {
    // The source has two enclaves inside 莘县 (1.44 km² and 0.02 km²); a gap left by quantisation would
    // instead touch two counties.
    const holes = await ctx.db.knex.raw(`
      select i, (select count(*) from regions r where r.level = 'county' and ST_DWithin(ST_Transform(r.geom, 4527), h, 50))::int as neighbours
      from regions c,
           lateral (select i, ST_Transform(ST_MakePolygon(ST_InteriorRingN(ST_GeometryN(c.geom, 1), i)), 4527) as h
                    from generate_series(1, ST_NumInteriorRings(ST_GeometryN(c.geom, 1))) i) x
      where c.level = 'city'`);
    expect(holes.rows.length).toBeLessThanOrEqual(2);
    for (const h of holes.rows) expect(h.neighbours).toBe(1);
  });
});
