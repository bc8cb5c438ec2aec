/**
 * environmental-control-units — 环境管控单元 (三线一单), 演示数据.
 *
 * Rules: a partition of every county-level unit (no gaps, no overlaps) into
 *  - 1 优先保护单元: the county's ecological red line and drinking-water source zones;
 *  - 重点管控单元: one per development zone inside the county (code of the zone), one for the
 *    industrial parks outside zones ("…产业园区重点管控单元"), one for the rest of the town
 *    development boundary ("…城镇重点管控单元"), each minus what was taken before;
 *  - 1 一般管控单元: the rest of the county.
 * Codes: ZH + 6-digit division code (the zone's own code for zone units) + category digit
 * (1 优先保护, 2 重点管控, 3 一般管控) + 4-digit serial, e.g. ZH37150220001.
 * `capacity` holds the seeded remaining allowable emissions (t/a) of COD, 氨氮, SO₂, NOx, VOCs,
 * scaled by unit type (tiny in 优先保护, largest in industrial 重点管控 units).
 */
import type { Feature, FeatureCollection } from 'geojson';
import { collection, difference, feature, finalizePolygonal, intersect, union, type PolyGeom } from './geo.ts';
import { createRng, type Rng } from './random.ts';
import { frameOf, pad, roundTo, seedOf, type GeneratorOptions } from './common.ts';
import type { DevZoneGeom } from './development-zones.generator.ts';
import type { ParkGeom } from './industrial-parks.generator.ts';
import type { TownGeom } from './town-development-boundary.generator.ts';
import type { RedlinePart } from './ecological-redline.generator.ts';
import type { WaterZoneGeoms } from './water-source-protection.generator.ts';

export type UnitCategory = '优先保护单元' | '重点管控单元' | '一般管控单元';
export type Capacity = {
  codT: number;
  nh3nT: number;
  so2T: number;
  noxT: number;
  vocsT: number;
};
type UnitMeta = {
  code: string;
  name: string;
  county: string;
  zone: string | null;
  category: UnitCategory;
  requirement: string;
};
export type ControlUnitProps = UnitMeta & { capacity: Capacity };

const REQUIREMENT: Record<string, string> = {
  优先保护单元: '以生态环境保护为主，禁止新建、扩建工业项目，严格控制各类开发建设活动',
  重点管控单元工业: '优化产业布局，新建项目须落实污染物排放总量替代，执行特别排放限值',
  重点管控单元城镇: '完善污水收集处理设施，严格控制新增污染物排放，禁止新建高污染项目',
  一般管控单元: '落实生态环境保护基本要求，引导农业面源污染治理与乡村环境整治',
};

function capacity(rng: Rng, kind: 'priority' | 'industrial' | 'town' | 'general', heavy: boolean): Capacity {
  const f = (a: number, b: number) => roundTo(rng.range(a, b), 1);
  switch (kind) {
    case 'priority':
      return { codT: f(3, 20), nh3nT: f(0.3, 2), so2T: f(1, 8), noxT: f(2, 12), vocsT: f(1, 8) };
    case 'industrial':
      return heavy
        ? { codT: f(180, 520), nh3nT: f(15, 45), so2T: f(120, 420), noxT: f(200, 620), vocsT: f(150, 480) }
        : { codT: f(90, 260), nh3nT: f(8, 24), so2T: f(40, 160), noxT: f(80, 260), vocsT: f(60, 220) };
    case 'town':
      return { codT: f(80, 240), nh3nT: f(8, 26), so2T: f(15, 70), noxT: f(40, 150), vocsT: f(30, 120) };
    default:
      return { codT: f(100, 320), nh3nT: f(10, 32), so2T: f(25, 110), noxT: f(50, 200), vocsT: f(25, 100) };
  }
}

export interface ControlUnitInputs {
  redline: RedlinePart[];
  water: WaterZoneGeoms;
  zones: DevZoneGeom[];
  parks: ParkGeom[];
  towns: TownGeom[];
}

export interface ControlUnitsOptions extends GeneratorOptions {
  inputs: ControlUnitInputs;
}

export function generateEnvironmentalControlUnits(counties: FeatureCollection, options: ControlUnitsOptions): FeatureCollection<PolyGeom, ControlUnitProps> {
  const frame = frameOf(counties, options);
  const rng = createRng(seedOf(options), 'environmental-control-units');
  const { redline, water, zones, parks, towns } = options.inputs;
  const out: Feature<PolyGeom, ControlUnitProps>[] = [];
  for (const county of frame.counties) {
    const serial = new Map<string, number>();
    const code = (division: string, cat: 1 | 2 | 3) => {
      const key = `${division}${cat}`;
      const n = (serial.get(key) ?? 0) + 1;
      serial.set(key, n);
      return `ZH${division}${cat}${pad(n, 4)}`;
    };
    const units: { props: UnitMeta; kind: 'priority' | 'industrial' | 'town' | 'general'; heavy: boolean; geom: PolyGeom | null }[] = [];
    const taken: PolyGeom[] = [];
    const take = (g: PolyGeom | null) => {
      const piece = difference(intersect(g, county.geom), ...taken);
      if (piece) taken.push(piece);
      return piece;
    };
    const priority = take(union([...redline.filter((p) => p.county === county.code).map((p) => p.geom), ...water.zones.filter((z) => z.county === county.code).map((z) => z.outer)]));
    if (priority) {
      units.push({ props: { code: code(county.code, 1), name: `${county.name}生态保护红线及饮用水水源优先保护单元`, county: county.code, zone: null, category: '优先保护单元', requirement: REQUIREMENT['优先保护单元']! }, kind: 'priority', heavy: false, geom: priority });
    }
    for (const z of zones.filter((x) => x.info.county === county.code)) {
      const g = take(z.geom);
      if (!g) continue;
      const industrial = z.info.code !== '371573';
      units.push({
        props: { code: code(z.info.code, 2), name: `${z.info.name}重点管控单元`, county: county.code, zone: z.info.code, category: '重点管控单元', requirement: REQUIREMENT[industrial ? '重点管控单元工业' : '重点管控单元城镇']! },
        kind: industrial ? 'industrial' : 'town',
        heavy: z.info.code === '371571',
        geom: g,
      });
    }
    const countyParks = parks.filter((p) => p.info.county === county.code && !p.info.zone);
    const parkUnit = take(union(countyParks.map((p) => p.geom)));
    if (parkUnit) {
      const heavy = countyParks.some((p) => p.info.industryCodes.some((c) => ['22', '26', '31', '32'].includes(c)));
      units.push({ props: { code: code(county.code, 2), name: `${county.name}产业园区重点管控单元`, county: county.code, zone: null, category: '重点管控单元', requirement: REQUIREMENT['重点管控单元工业']! }, kind: 'industrial', heavy, geom: parkUnit });
    }
    const townUnit = take(towns.find((t) => t.county === county.code)?.geom ?? null);
    if (townUnit) {
      units.push({ props: { code: code(county.code, 2), name: `${county.name}城镇重点管控单元`, county: county.code, zone: null, category: '重点管控单元', requirement: REQUIREMENT['重点管控单元城镇']! }, kind: 'town', heavy: false, geom: townUnit });
    }
    const general = difference(county.geom, ...taken);
    if (general) {
      units.push({ props: { code: code(county.code, 3), name: `${county.name}一般管控单元`, county: county.code, zone: null, category: '一般管控单元', requirement: REQUIREMENT['一般管控单元']! }, kind: 'general', heavy: false, geom: general });
    }
    for (const u of units) {
      const g = finalizePolygonal(u.geom, 1, u.props.name);
      if (!g) continue;
      out.push(feature(g, { ...u.props, capacity: capacity(rng.fork(u.props.code), u.kind, u.heavy) }));
    }
  }
  return collection(out);
}
