/**
 * lakes — 湖泊与水库 (reference polygons), 演示数据.
 *
 * Rules:
 *  - 东昌湖: an irregular ring of water (≈ 6.3 km²) around the old city of 聊城 (古城, ≈ 1 km²
 *    around 光岳楼, left as a hole);
 *  - 鱼丘湖: a small lake (≈ 0.6 km²) in the 高唐 county seat;
 *  - the reservoirs (引黄调蓄水库) that feed the surface-water drinking-water source zones, one
 *    per zone of kind 'reservoir' (see water-source-protection.generator.ts), ≈ 0.5–0.8 km².
 * Shapes are seeded blobs; everything is clipped to its county.
 */
import type { FeatureCollection, Polygon } from 'geojson';
import {
  blob,
  collection,
  difference,
  feature,
  finalizePolygonal,
  intersect,
  starPolygon,
  toXY,
  toLL,
  type LonLat,
  type PolyGeom,
  type XY,
} from './geo.ts';
import { createRng, type Rng } from './random.ts';
import { frameOf, seedOf, type GeneratorOptions } from './common.ts';
import { WATER_SOURCES, countyOfPoint, type Frame } from './base.ts';

export interface LakeProps extends Record<string, unknown> {
  name: string;
  kind: '湖泊' | '水库';
  county: string;
}

/** 光岳楼, the centre of the old city inside 东昌湖 */
export const GUANGYUE_TOWER: LonLat = [115.985, 36.456];

/** the old city (古城) of 聊城: a slightly rotated square of ≈ 1 km² around 光岳楼 */
export function oldCity(): Polygon {
  const [cx, cy] = toXY(GUANGYUE_TOWER);
  const h = 500;
  const rot = (4 * Math.PI) / 180;
  const corners: XY[] = [
    [-h, -h],
    [h, -h],
    [h, h],
    [-h, h],
  ];
  const ring = corners.map(([x, y]) => toLL([cx + x * Math.cos(rot) - y * Math.sin(rot), cy + x * Math.sin(rot) + y * Math.cos(rot)]));
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}

/** a reservoir: a rounded, slightly squarish blob (embanked plain reservoirs are boxy) */
export function reservoirShape(center: LonLat, areaKm2: number, rng: Rng): Polygon {
  const n = 40;
  const rot = rng.range(0, Math.PI / 2);
  const aspect = rng.range(1, 1.8);
  const rel: XY[] = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    // superellipse (p = 4) gives a box with rounded corners
    const c = Math.cos(t);
    const s = Math.sin(t);
    const x = Math.sign(c) * Math.abs(c) ** 0.5 * Math.sqrt(aspect);
    const y = (Math.sign(s) * Math.abs(s) ** 0.5) / Math.sqrt(aspect);
    rel.push([x * Math.cos(rot) - y * Math.sin(rot), x * Math.sin(rot) + y * Math.cos(rot)]);
  }
  return starPolygon(center, rel, areaKm2 * 1e6);
}

export interface LakeGeoms {
  dongchang: PolyGeom;
  all: { name: string; kind: '湖泊' | '水库'; county: string; geom: PolyGeom }[];
}

export function lakeGeometries(frame: Frame, seed: number): LakeGeoms {
  const rng = createRng(seed, 'lakes');
  const within = (g: PolyGeom, at: LonLat) => {
    const county = countyOfPoint(frame, toXY(at));
    if (!county) throw new Error(`lake centre ${at} outside the city`);
    return { county: county.code, geom: intersect(g, county.geom) };
  };
  const outer = blob([115.981, 36.4535], 7.3, rng.fork('dongchang'), { irregularity: 0.09, elongation: 1.25, rotationDeg: 75, vertices: 96 });
  const dongchangRaw = difference(outer, oldCity());
  const dc = within(dongchangRaw!, GUANGYUE_TOWER);
  const all: LakeGeoms['all'] = [];
  if (!dc.geom) throw new Error('东昌湖 vanished');
  all.push({ name: '东昌湖', kind: '湖泊', county: dc.county, geom: dc.geom });
  const yq = within(blob([116.2245, 36.8625], 0.6, rng.fork('yuqiu'), { irregularity: 0.15, elongation: 1.4, vertices: 48 }), [116.2245, 36.8625]);
  if (yq.geom) all.push({ name: '鱼丘湖', kind: '湖泊', county: yq.county, geom: yq.geom });
  for (const ws of WATER_SOURCES) {
    if (ws.kind !== 'reservoir' || !ws.reservoirName) continue;
    const r = within(reservoirShape(ws.center, ws.coreKm2 * 0.65, rng.fork(ws.reservoirName)), ws.center);
    if (r.geom) all.push({ name: ws.reservoirName, kind: '水库', county: r.county, geom: r.geom });
  }
  return { dongchang: dc.geom, all };
}

export interface LakesOptions extends GeneratorOptions {
  geoms?: LakeGeoms;
}

export function generateLakes(counties: FeatureCollection, options: LakesOptions = {}): FeatureCollection<PolyGeom, LakeProps> {
  const frame = frameOf(counties, options);
  const geoms = options.geoms ?? lakeGeometries(frame, seedOf(options));
  return collection(
    geoms.all.flatMap((l) => {
      const g = finalizePolygonal(l.geom, 1000, l.name);
      return g ? [feature(g, { name: l.name, kind: l.kind, county: l.county })] : [];
    }),
  );
}

