/**
 * ecological-redline — 生态保护红线, 演示数据.
 *
 * Rules (each part is cut by county; parts never overlap each other, water-source zones or the
 * town development boundaries — the three control lines do not cross):
 *  - 黄河: a 1.5 km strip along the river line on the south-east edge of 阳谷县 and 东阿县 (河湖湿地);
 *  - 卫运河: a 450 m strip along the border river in the north-west (冠县, 临清市) (河湖湿地);
 *  - 东昌湖: the water surface of the lake (河湖湿地);
 *  - 徒骇河 / 马颊河: 400 m wetland strips on rural stretches (河湖湿地);
 *  - 位山灌区沉沙池 (东阿县, near the Yellow River) (水源涵养) and 冠县黄河故道 sand-control forest
 *    (防风固沙): seeded blobs;
 *  - 京杭大运河: a 150 m corridor each side of the canal, outside the town development
 *    boundaries (inside towns the canal is protected as heritage, see heritage.generator.ts).
 */
import type { FeatureCollection, Position } from 'geojson';
import {
  blob,
  buffer,
  collection,
  difference,
  feature,
  finalizePolygonal,
  intersect,
  union,
  type LonLat,
  type PolyGeom,
} from './geo.ts';
import { createRng } from './random.ts';
import type { GeneratorOptions } from './common.ts';
import type { Frame } from './base.ts';
import type { RiverLines } from './rivers.generator.ts';
import type { LakeGeoms } from './lakes.generator.ts';
import type { WaterZoneGeoms } from './water-source-protection.generator.ts';

export type RedlineType = '河湖湿地' | '水源涵养' | '防风固沙' | '生物多样性维护';
export interface RedlineProps extends Record<string, unknown> {
  name: string;
  type: RedlineType;
  county: string;
}

export interface RedlinePart {
  name: string;
  type: RedlineType;
  county: string;
  geom: PolyGeom;
}

function sectionByLat(line: Position[], minLat: number, maxLat: number): Position[] {
  return line.filter((p) => (p[1] as number) >= minLat && (p[1] as number) <= maxLat);
}

/** cuts a raw area by county, naming each piece */
function byCounty(frame: Frame, raw: PolyGeom | null, name: (countyName: string) => string, type: RedlineType, taken: PolyGeom[]): RedlinePart[] {
  if (!raw) return [];
  const out: RedlinePart[] = [];
  for (const c of frame.counties) {
    const piece = difference(intersect(raw, c.geom), ...taken);
    if (!piece) continue;
    const g = finalizePolygonal(piece, 20000, 'redline piece');
    if (!g) continue;
    out.push({ name: name(c.name), type, county: c.code, geom: piece });
  }
  return out;
}

/** the parts of the red line that do not depend on the town boundaries */
export function redlineCore(frame: Frame, seed: number, rivers: RiverLines, lakes: LakeGeoms, water: WaterZoneGeoms): RedlinePart[] {
  const rng = createRng(seed, 'ecological-redline');
  const taken: PolyGeom[] = water.zones.map((z) => z.outer);
  const parts: RedlinePart[] = [];
  const add = (list: RedlinePart[]) => {
    for (const p of list) {
      parts.push(p);
      taken.push(p.geom);
    }
  };
  const line = (coords: Position[]) => ({ type: 'LineString' as const, coordinates: coords });
  add(byCounty(frame, intersect(lakes.dongchang, frame.city), () => '东昌湖生态保护红线', '河湖湿地', taken));
  add(byCounty(frame, buffer(line(rivers.yellow), 1500, 8), (n) => `黄河生态保护红线（${n}段）`, '河湖湿地', taken));
  add(byCounty(frame, buffer(line(rivers.wei), 450, 8), (n) => `卫运河生态保护红线（${n}段）`, '河湖湿地', taken));
  add(byCounty(frame, buffer(line(sectionByLat(rivers.tuhai, 36.2, 36.31)), 400, 8), (n) => `徒骇河湿地生态保护红线（${n}段）`, '河湖湿地', taken));
  add(byCounty(frame, buffer(line(sectionByLat(rivers.majia, 36.57, 36.7)), 400, 8), (n) => `马颊河湿地生态保护红线（${n}段）`, '河湖湿地', taken));
  const weishan: LonLat = [116.135, 36.19];
  add(byCounty(frame, blob(weishan, 9, rng.fork('weishan'), { irregularity: 0.2, elongation: 1.8, rotationDeg: 40 }), () => '位山灌区沉沙池水源涵养生态保护红线', '水源涵养', taken));
  const guanSand: LonLat = [115.36, 36.405];
  add(byCounty(frame, blob(guanSand, 12, rng.fork('guan-sand'), { irregularity: 0.25, elongation: 2.2, rotationDeg: 60 }), (n) => `${n}黄河故道防风固沙生态保护红线`, '防风固沙', taken));
  return parts;
}

/** the Grand Canal corridor outside the town development boundaries */
export function redlineCanal(frame: Frame, rivers: RiverLines, town: PolyGeom[], core: RedlinePart[], water: WaterZoneGeoms): RedlinePart[] {
  const corridor = buffer({ type: 'LineString', coordinates: rivers.canal }, 150, 8);
  const taken = [...town, ...core.map((p) => p.geom), ...water.zones.map((z) => z.outer)];
  return byCounty(frame, corridor, (n) => `京杭大运河生态保护红线（${n}段）`, '河湖湿地', taken);
}

export interface EcologicalRedlineOptions extends GeneratorOptions {
  /** all parts (core + canal); from the pipeline (see index.ts) */
  parts: RedlinePart[];
}

export function generateEcologicalRedline(_counties: FeatureCollection, options: EcologicalRedlineOptions): FeatureCollection<PolyGeom, RedlineProps> {
  return collection(
    options.parts.flatMap((p) => {
      const g = finalizePolygonal(p.geom, 20000, p.name);
      return g ? [feature(g, { name: p.name, type: p.type, county: p.county })] : [];
    }),
  );
}

/** union of all red-line parts (for masks) */
export function redlineUnion(parts: RedlinePart[]): PolyGeom | null {
  return union(parts.map((p) => p.geom));
}
