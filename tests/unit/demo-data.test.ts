/**
 * Demo data (演示数据, data/demo): the committed files are what the generators produce, the
 * generators are deterministic, and the geometry obeys the rules documented in data/demo/README.md.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAYERS, generateDemoData, serializeLayer, serializeProjects, type DemoData } from '../../scripts/demo/index.ts';
import { validityProblem } from '../../scripts/demo/geo.ts';
import { createRng } from '../../scripts/demo/random.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');
const counties = JSON.parse(read('data/boundaries/liaocheng-counties.geojson')) as FeatureCollection<Polygon | MultiPolygon>;
const layer = (key: string) => JSON.parse(read(`data/demo/${key}.geojson`)) as FeatureCollection;
const projects = JSON.parse(read('data/demo/projects.json')) as { name: string; county: string; zone: string | null; site: Polygon; demoConflict: boolean; [k: string]: unknown }[];

const cityBbox = turf.bbox(counties);
const countiesAreaM2 = counties.features.reduce((s, f) => s + turf.area(f), 0);
const COUNTY_CODES = counties.features.map((f) => String(f.properties?.code));

const polygonal = (f: Feature) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon';

describe('demo data generators', () => {
  // One generation (~40 s, more on a loaded machine): comparing it with the committed files, which an
  // earlier, separate process wrote, checks determinism across runs as well as the files' freshness.
  let first: DemoData;
  beforeAll(() => {
    first = generateDemoData(counties);
  }, 240_000);

  it('are deterministic: a new run reproduces the committed files byte for byte (run `npm run data` after changing a generator)', () => {
    for (const { key } of LAYERS) {
      const extra = key === 'farmland' ? { requested: first.farmlandCount } : {};
      expect(serializeLayer(key, first.layers[key], first.seed, extra) === read(`data/demo/${key}.geojson`), key).toBe(true);
    }
    expect(serializeProjects(first.projects) === read('data/demo/projects.json')).toBe(true);
  });

  it('use a seeded PRNG (same seed, same stream; other label, other stream)', () => {
    const a = createRng(1, 'x');
    const b = createRng(1, 'x');
    const c = createRng(1, 'y');
    const sa = Array.from({ length: 5 }, () => a.float());
    expect(Array.from({ length: 5 }, () => b.float())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.float())).not.toEqual(sa);
  });
});

describe('demo data files', () => {
  it('has every layer, labelled as demo data, with features', () => {
    for (const { key } of LAYERS) {
      const fc = layer(key) as FeatureCollection & { demo?: boolean; title?: string };
      expect(fc.type).toBe('FeatureCollection');
      expect(fc.demo, key).toBe(true);
      expect(fc.title, key).toContain('演示数据');
      expect(fc.features.length, key).toBeGreaterThan(0);
    }
    expect(layer('farmland').features.length).toBe(3000);
    expect(layer('stock-land').features.length).toBeGreaterThanOrEqual(140);
    expect(projects.length).toBeGreaterThanOrEqual(55);
  });

  it('has only valid geometry (turf booleanValid and a strict simple-features check)', () => {
    const geoms: { key: string; f: Feature }[] = [];
    for (const { key } of LAYERS) for (const f of layer(key).features) geoms.push({ key, f });
    for (const p of projects) geoms.push({ key: 'projects', f: turf.feature(p.site) });
    for (const { key, f } of geoms) {
      expect(turf.booleanValid(f), `${key} ${JSON.stringify(f.properties)}`).toBe(true);
      expect(validityProblem(f.geometry), `${key} ${JSON.stringify(f.properties)}`).toBeNull();
    }
  });

  it('keeps every feature inside the counties’ bbox, with 6-decimal coordinates', () => {
    const check = (key: string, f: Feature) => {
      const [w, s, e, n] = turf.bbox(f);
      expect(w >= cityBbox[0] && s >= cityBbox[1] && e <= cityBbox[2] && n <= cityBbox[3], `${key} ${JSON.stringify(f.properties)}`).toBe(true);
      turf.coordEach(f, (c) => {
        // 6 decimals, or an exact county-boundary vertex (multiple of 1/1024°)
        for (const v of c.slice(0, 2) as number[]) {
          const ok = Math.abs(v * 1e6 - Math.round(v * 1e6)) < 1e-6 || Number.isInteger(v * 1024);
          if (!ok) expect.fail(`${key}: coordinate ${v} not rounded`);
        }
      });
    };
    for (const { key } of LAYERS) for (const f of layer(key).features) check(key, f);
    for (const p of projects) check('projects', turf.feature(p.site, { name: p.name }));
  });

  it('keeps farmland off town development boundaries and other farmland (sample)', () => {
    const farmland = layer('farmland').features as Feature<Polygon>[];
    const towns = layer('town-development-boundary').features as Feature<Polygon | MultiPolygon>[];
    const blockers = [
      ...towns,
      ...(layer('ecological-redline').features as Feature<Polygon | MultiPolygon>[]),
      ...(layer('water-source-protection').features as Feature<Polygon | MultiPolygon>[]),
      ...(layer('industrial-parks').features as Feature<Polygon | MultiPolygon>[]),
    ];
    const boxes = new Map<Feature, number[]>([...farmland, ...blockers].map((f) => [f, turf.bbox(f)]));
    const touch = (a: number[], b: number[]) => !(a[0]! > b[2]! || b[0]! > a[2]! || a[1]! > b[3]! || b[1]! > a[3]!);
    const rng = createRng(7, 'test-sample');
    const sample = rng.sample(farmland, 300);
    for (const patch of sample) {
      const pb = boxes.get(patch)!;
      for (const t of blockers) {
        if (!touch(pb, boxes.get(t)!)) continue;
        expect(turf.booleanIntersects(patch, t), `${patch.properties?.code} × ${t.properties?.name}`).toBe(false);
      }
      for (const o of farmland) {
        if (o === patch || !touch(pb, boxes.get(o)!)) continue;
        expect(turf.booleanIntersects(patch, o), `${patch.properties?.code} × ${o.properties?.code}`).toBe(false);
      }
    }
    for (const f of farmland) {
      expect(f.properties?.code).toMatch(/^37\d{4}-JBNT-\d{6}$/);
      expect(['水田', '水浇地', '旱地']).toContain(f.properties?.landClass);
      expect(f.properties?.quality).toBeGreaterThanOrEqual(1);
      expect(f.properties?.quality).toBeLessThanOrEqual(15);
      const ha = turf.area(f) / 1e4;
      expect(ha).toBeGreaterThan(4.9);
      expect(ha).toBeLessThan(205);
    }
  });

  it('partitions the city into environmental control units (areas sum to the counties’ total within 1 %)', () => {
    const units = layer('environmental-control-units').features;
    const sum = units.reduce((s, f) => s + turf.area(f), 0);
    expect(Math.abs(sum / countiesAreaM2 - 1)).toBeLessThan(0.01);
    for (const code of COUNTY_CODES) {
      const mine = units.filter((u) => u.properties?.county === code);
      const cats = new Set(mine.map((u) => u.properties?.category));
      expect(cats, code).toEqual(new Set(['优先保护单元', '重点管控单元', '一般管控单元']));
      const county = counties.features.find((f) => String(f.properties?.code) === code)!;
      const got = mine.reduce((s, f) => s + turf.area(f), 0);
      expect(Math.abs(got / turf.area(county) - 1), code).toBeLessThan(0.01);
    }
    for (const u of units) {
      expect(u.properties?.code).toMatch(/^ZH37\d{4}[123]\d{4}$/);
      for (const k of ['codT', 'nh3nT', 'so2T', 'noxT', 'vocsT']) expect(typeof u.properties?.capacity?.[k]).toBe('number');
    }
  });

  it('describes layers with the agreed properties', () => {
    const towns = layer('town-development-boundary').features;
    expect(towns.map((f) => f.properties?.county).sort()).toEqual([...COUNTY_CODES].sort());
    const central = towns.find((f) => f.properties?.county === '371502')!;
    expect(turf.area(central) / 1e6).toBeGreaterThan(150);
    expect(turf.area(central) / 1e6).toBeLessThan(250);
    for (const f of towns) {
      if (f === central) continue;
      expect(turf.area(f) / 1e6, f.properties?.name).toBeGreaterThan(15);
      expect(turf.area(f) / 1e6, f.properties?.name).toBeLessThan(45);
    }
    expect(layer('development-zones').features.map((f) => f.properties?.code)).toEqual(['371571', '371572', '371573']);
    for (const f of [...layer('development-zones').features, ...layer('industrial-parks').features]) {
      expect(Array.isArray(f.properties?.leadingIndustries)).toBe(true);
      for (const c of f.properties?.industryCodes as string[]) expect(c).toMatch(/^\d{2}$/);
    }
    const levels = new Set(layer('water-source-protection').features.map((f) => f.properties?.level));
    expect(levels).toEqual(new Set(['一级保护区', '二级保护区']));
    const names = layer('rivers').features.map((f) => f.properties?.name);
    for (const n of ['黄河', '京杭大运河', '徒骇河', '马颊河', '卫运河']) expect(names).toContain(n);
    expect(layer('lakes').features.some((f) => f.properties?.name === '东昌湖')).toBe(true);
    for (const f of layer('stock-land').features) {
      expect(['批而未供', '闲置土地', '储备土地']).toContain(f.properties?.kind);
      expect(['工业用地', '仓储用地', '商服用地']).toContain(f.properties?.plannedUse);
      const ha = turf.area(f) / 1e4;
      expect(ha).toBeGreaterThan(1.9);
      expect(ha).toBeLessThan(82);
    }
  });

  it('has ~60 projects over all counties, zones, stages, types and libraries, with a few flagged conflicts', () => {
    const set = (k: string) => new Set(projects.map((p) => p[k] as string));
    expect(set('county')).toEqual(new Set(COUNTY_CODES));
    expect(new Set([...set('zone')].filter(Boolean))).toEqual(new Set(['371571', '371572', '371573']));
    expect(set('stage')).toEqual(new Set(['谋划', '策划生成', '储备', '审批', '建设', '投产']));
    expect(set('type')).toEqual(new Set(['政府投资', '社会投资', '招商引资']));
    const libs = new Set(projects.flatMap((p) => p.libraries as string[]));
    expect(libs).toEqual(new Set(['省重点项目库', '市重点项目库', '县重点项目库', '招商项目库', '政策性资金项目库', '要素保障库']));
    const invest = projects.map((p) => p.investmentWan as number);
    expect(invest.filter((v) => v >= 50000).length).toBeGreaterThanOrEqual(5);
    expect(invest.filter((v) => v >= 200000).length).toBeGreaterThanOrEqual(2);
    for (const p of projects) {
      const mu = turf.area(p.site) / (10000 / 15);
      expect(mu, p.name).toBeGreaterThanOrEqual(10);
      expect(mu, p.name).toBeLessThanOrEqual(800);
      expect(p.plannedStart as string).toMatch(/^202[5-8]-\d\d-\d\d$/);
      expect(p.plannedEnd as string).toMatch(/^202[5-8]-\d\d-\d\d$/);
      expect((p.plannedEnd as string) > (p.plannedStart as string)).toBe(true);
    }
    const conflicts = projects.filter((p) => p.demoConflict);
    expect(conflicts.length).toBeGreaterThanOrEqual(4);
    expect(conflicts.length).toBeLessThanOrEqual(6);
    const farmland = layer('farmland').features;
    const towns = layer('town-development-boundary').features as Feature<Polygon | MultiPolygon>[];
    const townUnion = turf.union(turf.featureCollection(towns))!;
    for (const p of conflicts) {
      const onFarmland = farmland.some((f) => turf.booleanIntersects(f, p.site) && (turf.intersect(turf.featureCollection([turf.feature(p.site), f as Feature<Polygon>])) !== null));
      const outside = turf.difference(turf.featureCollection([turf.feature(p.site), townUnion]));
      expect(onFarmland || (outside !== null && turf.area(outside) > 100), p.name).toBe(true);
    }
  });
});

describe('polygonal layers', () => {
  it('are all polygons except rivers and roads', () => {
    for (const { key } of LAYERS) {
      const fc = layer(key);
      const lines = key === 'rivers' || key === 'main-roads';
      for (const f of fc.features) expect(polygonal(f), key).toBe(!lines);
    }
  });
});
