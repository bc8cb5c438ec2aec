/**
 * rivers — 主要河流 (reference lines for the basemap), 演示数据.
 *
 * Rules:
 *  - 黄河 and 卫运河 are boundary rivers: their lines are taken from the city outline itself
 *    (the outline shrunk by 250 m, so that the line lies inside the city), between anchor points:
 *    黄河 along the south-east edge of 阳谷县 and 东阿县, 卫运河 along the north-west edge of
 *    冠县 and 临清市 (the border with Hebei);
 *  - 京杭大运河, 徒骇河, 马颊河 follow hand-placed control points (approximate real courses),
 *    smoothed (Chaikin), with gentle seeded meanders for the natural rivers, clipped to the city.
 */
import type { FeatureCollection, Position } from 'geojson';
import {
  buffer,
  chaikin,
  clipLineToArea,
  collection,
  feature,
  finalizeLine,
  meander,
  polygonsOf,
  areaM2,
  ringSection,
  simplifyLine,
  toXY,
  pointSegmentDistance,
  type LineGeom,
  type LonLat,
} from './geo.ts';
import { createRng } from './random.ts';
import { frameOf, seedOf, type GeneratorOptions } from './common.ts';
import type { Frame } from './base.ts';

export type RiverName = '黄河' | '京杭大运河' | '卫运河' | '徒骇河' | '马颊河';
export interface RiverProps extends Record<string, unknown> {
  name: RiverName;
  kind: string;
}

/** control points of the Grand Canal, south (张秋, at the Yellow River) to north (临清) */
export const GRAND_CANAL_POINTS: LonLat[] = [
  [116.005, 36.085], // 张秋
  [115.99, 36.13],
  [115.975, 36.175], // 阿城
  [115.962, 36.235], // 七级
  [115.958, 36.3],
  [115.966, 36.36], // 李海务
  [115.985, 36.41], // 周店
  [115.997, 36.44],
  [116.0015, 36.4565], // 东关, east of the old city and 东昌湖 (山陕会馆 on its west bank)
  [115.996, 36.478],
  [115.97, 36.505],
  [115.925, 36.545],
  [115.885, 36.585], // 梁水镇
  [115.84, 36.645],
  [115.8, 36.705], // 魏湾
  [115.765, 36.765], // 戴湾
  [115.73, 36.815],
  [115.714, 36.842], // 临清 (钞关)
];

const TUHAI_POINTS: LonLat[] = [
  [115.5, 35.93],
  [115.58, 36.02],
  [115.66, 36.1],
  [115.76, 36.18],
  [115.86, 36.26],
  [115.94, 36.33],
  [116.03, 36.39],
  [116.11, 36.46],
  [116.19, 36.53],
  [116.29, 36.61],
  [116.38, 36.69],
  [116.44, 36.77],
  [116.5, 36.85],
];

const MAJIA_POINTS: LonLat[] = [
  [115.42, 35.86],
  [115.5, 36.0],
  [115.57, 36.13],
  [115.62, 36.26],
  [115.69, 36.38],
  [115.77, 36.5],
  [115.85, 36.6],
  [115.93, 36.7],
  [115.99, 36.8],
  [116.03, 36.88],
  [116.06, 36.96],
];

export interface RiverLines {
  yellow: Position[];
  wei: Position[];
  canal: Position[];
  tuhai: Position[];
  majia: Position[];
}

/** the shrunk city outline whose edges give the boundary rivers */
function innerOutline(frame: Frame): Position[] {
  const inner = buffer(frame.city, -250, 4);
  const polys = polygonsOf(inner).slice().sort((a, b) => areaM2({ type: 'Polygon', coordinates: b }) - areaM2({ type: 'Polygon', coordinates: a }));
  const biggest = polys[0];
  if (!biggest) throw new Error('city outline vanished when shrunk');
  return biggest[0]!;
}

function nearestOnLine(line: Position[], q: LonLat): { index: number; point: Position } {
  const qx = toXY(q);
  let best = { index: 0, point: line[0]!, d: Infinity };
  for (let i = 0; i + 1 < line.length; i++) {
    const a = toXY(line[i]!);
    const b = toXY(line[i + 1]!);
    const d = pointSegmentDistance(qx, a[0], a[1], b[0], b[1]);
    if (d < best.d) best = { index: i, point: line[i]!, d };
  }
  return best;
}

/** the centre lines of the five rivers (unclipped, lon/lat) — reused by other generators */
export function riverLines(frame: Frame, seed: number): RiverLines {
  const rng = createRng(seed, 'rivers');
  const ring = innerOutline(frame);
  const smooth = (line: Position[]) => chaikin(simplifyLine(line, 60), 2);
  const yellow = smooth(ringSection(ring, [115.9, 35.99], [116.535, 36.445], [116.25, 36.2]));
  const wei = smooth(ringSection(ring, [115.335, 36.53], [115.765, 36.925], [115.52, 36.78]));
  // the canal starts at the Yellow River and ends on the 卫运河
  const start = nearestOnLine(yellow, [116.02, 36.07]).point;
  const end = nearestOnLine(wei, [115.705, 36.852]).point;
  const canal = chaikin([start, ...GRAND_CANAL_POINTS, end], 3);
  const tuhai = chaikin(meander(TUHAI_POINTS, rng.fork('tuhai'), 280), 2);
  const majia = chaikin(meander(MAJIA_POINTS, rng.fork('majia'), 240), 2);
  return { yellow, wei, canal, tuhai, majia };
}

export interface RiversOptions extends GeneratorOptions {
  lines?: RiverLines;
}

export function generateRivers(counties: FeatureCollection, options: RiversOptions = {}): FeatureCollection<LineGeom, RiverProps> {
  const frame = frameOf(counties, options);
  const lines = options.lines ?? riverLines(frame, seedOf(options));
  const defs: [RiverName, string, Position[]][] = [
    ['黄河', '干流', lines.yellow],
    ['京杭大运河', '运河', lines.canal],
    ['卫运河', '运河', lines.wei],
    ['徒骇河', '骨干河道', lines.tuhai],
    ['马颊河', '骨干河道', lines.majia],
  ];
  const features = defs.flatMap(([name, kind, line]) => {
    const parts = clipLineToArea(line, frame.citySet, 50, 20)
      .map((p) => finalizeLine(simplifyLine(p, 5)))
      .filter((p): p is Position[] => p !== null);
    if (parts.length === 0) return [];
    const geometry: LineGeom = parts.length === 1 ? { type: 'LineString', coordinates: parts[0]! } : { type: 'MultiLineString', coordinates: parts };
    return [feature(geometry, { name, kind })];
  });
  return collection(features);
}
