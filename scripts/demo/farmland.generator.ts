/**
 * farmland — 永久基本农田 图斑, 演示数据.
 *
 * Rules: N patches (default 3000) of 5–200 ha (log-uniform: median ≈ 30 ha, mean ≈ 45 ha), each a field-like
 * irregular polygon (a jittered rectangle, star-shaped around its centre so always simple, mostly
 * aligned with the north–south / east–west field grid), placed by seeded rejection sampling over the
 * whole city. A patch is accepted only if its circumscribed disc
 *  - lies inside one county (≥ 20 m from the county edge),
 *  - is ≥ 30 m from town development boundaries, the ecological red line, water-source zones,
 *    development zones, industrial parks, stock land, heritage sites and lakes,
 *  - is ≥ 80 m from river centre lines and ≥ 40 m from main roads,
 *  - is ≥ 20 m from every earlier patch's disc (so patches never overlap).
 * Codes are `<county>-JBNT-<6-digit serial per county>`; 地类 mostly 水浇地 (水田 near the Yellow
 * River); 等别 mostly 5–9. A few "anchor" patches can be requested first (the pipeline uses them to
 * make the demo conflict projects overlap farmland regardless of N). For N well above the default
 * the patch sizes shrink so that the patches still fit (never below 1 ha).
 *
 * Available both as an iterator (`farmlandFeatures`, constant memory in the output) and as a
 * FeatureCollection (`generateFarmland`).
 */
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import {
  PlanarLineSet,
  PlanarPolygonSet,
  areaM2,
  collection,
  fieldOutline,
  finalizePolygonal,
  placeOutline,
  toXY,
  type PolyGeom,
  type XY,
} from './geo.ts';
import { createRng } from './random.ts';
import { frameOf, pad, seedOf, type GeneratorOptions } from './common.ts';

export type LandClass = '水田' | '水浇地' | '旱地';
export interface FarmlandProps extends Record<string, unknown> {
  code: string;
  county: string;
  landClass: LandClass;
  quality: number;
}

export interface FarmlandConstraints {
  /** areas patches must keep clear of */
  exclude: PolyGeom[];
  /** centre lines with the clearance they need, metres */
  lines: { coords: Position[][]; clearanceM: number }[];
  /** the Yellow River line (for 水田 near it) */
  yellowRiver?: Position[];
  /** patches placed before the random ones (centre in lon/lat, area in ha) */
  anchors?: { at: [number, number]; areaHa: number }[];
}

export interface FarmlandOptions extends GeneratorOptions {
  /** number of patches (default 3000) */
  count?: number;
  constraints: FarmlandConstraints;
}

export const DEFAULT_FARMLAND_COUNT = 3000;

/** mean 等别 by county (Yellow River alluvial plain a little better) */
const QUALITY_MEAN: Record<string, number> = {
  '371502': 7, '371503': 7, '371521': 6.5, '371522': 7.5, '371524': 6.5, '371525': 7.5, '371526': 7, '371581': 7,
};

export function* farmlandFeatures(counties: FeatureCollection, options: FarmlandOptions): Generator<Feature<Polygon, FarmlandProps>> {
  const frame = frameOf(counties, options);
  const count = options.count ?? DEFAULT_FARMLAND_COUNT;
  const rng = createRng(seedOf(options), 'farmland');
  const c = options.constraints;
  const excl = new PlanarPolygonSet(c.exclude, 1000);
  const lineSets = c.lines.map((l) => ({ set: new PlanarLineSet(l.coords, 1000), clearance: l.clearanceM }));
  const yellow = c.yellowRiver ? new PlanarLineSet([c.yellowRiver], 2000) : null;

  // sizes: 5–200 ha, log-uniform; shrink when N would not fit into ≈ 40 % of the free land
  const freeKm2 = Math.max(1000, frame.cityAreaKm2 - c.exclude.reduce((s, g) => s + areaM2(g) / 1e6, 0));
  const meanHa = 53; // mean of 5 · 40^u, u uniform
  const scale = Math.min(1, (0.4 * freeKm2 * 100) / (count * meanHa));
  const sampleArea = () => Math.max(1, scale * 5 * 40 ** (rng.float() ** 1.0));

  // [minx, miny, maxx, maxy] of the city in the planar frame
  let minx = Infinity, miny = Infinity, maxx = -Infinity, maxy = -Infinity;
  for (const county of frame.counties) {
    const ring = county.geom.type === 'Polygon' ? county.geom.coordinates[0]! : county.geom.coordinates.flatMap((p) => p[0]!);
    for (const p of ring) {
      const [x, y] = toXY(p);
      minx = Math.min(minx, x); miny = Math.min(miny, y); maxx = Math.max(maxx, x); maxy = Math.max(maxy, y);
    }
  }

  const CELL = 2000;
  const grid = new Map<string, { x: number; y: number; r: number }[]>();
  let rMax = 0;
  const overlaps = (p: XY, r: number) => {
    const reach = r + rMax + 20;
    for (let cx = Math.floor((p[0] - reach) / CELL); cx <= Math.floor((p[0] + reach) / CELL); cx++) {
      for (let cy = Math.floor((p[1] - reach) / CELL); cy <= Math.floor((p[1] + reach) / CELL); cy++) {
        for (const d of grid.get(`${cx},${cy}`) ?? []) if (Math.hypot(d.x - p[0], d.y - p[1]) < d.r + r + 20) return true;
      }
    }
    return false;
  };
  const serial = new Map<string, number>();

  const tryPlace = (center: XY, areaHa: number): Feature<Polygon, FarmlandProps> | null => {
    const rotation = rng.pick([0, 90]) + rng.normal(0, 9);
    const { rel, radius } = fieldOutline(rng, areaHa * 1e4, { rotationDeg: rotation, jitter: 0.12 });
    const county = frame.counties.find((k) => k.set.contains(center));
    if (!county || !county.set.containsDisc(center, radius + 20)) return null;
    if (!excl.disjointDisc(center, radius + 30)) return null;
    if (lineSets.some((l) => l.set.near(center, radius + l.clearance))) return null;
    if (overlaps(center, radius)) return null;
    const geom = finalizePolygonal(placeOutline(center, rel), 100, 'farmland patch');
    if (!geom || geom.type !== 'Polygon') return null;
    const key = `${Math.floor(center[0] / CELL)},${Math.floor(center[1] / CELL)}`;
    const list = grid.get(key);
    const disc = { x: center[0], y: center[1], r: radius };
    if (list) list.push(disc);
    else grid.set(key, [disc]);
    rMax = Math.max(rMax, radius);
    const n = (serial.get(county.code) ?? 0) + 1;
    serial.set(county.code, n);
    const nearYellow = yellow?.near(center, 8000) ?? false;
    const landClass = rng.weighted<LandClass>(nearYellow ? [['水浇地', 75], ['水田', 15], ['旱地', 10]] : [['水浇地', 87], ['旱地', 11], ['水田', 2]]);
    const quality = Math.max(3, Math.min(12, Math.round(rng.normal(QUALITY_MEAN[county.code] ?? 7, 1.1))));
    return { type: 'Feature', properties: { code: `${county.code}-JBNT-${pad(n, 6)}`, county: county.code, landClass, quality }, geometry: geom };
  };

  let produced = 0;
  for (const a of c.anchors ?? []) {
    if (produced >= count) return;
    const center = toXY(a.at);
    for (let k = 0; k < 30; k++) {
      const f = tryPlace(center, a.areaHa * (1 - k * 0.02));
      if (f) {
        produced++;
        yield f;
        break;
      }
    }
  }
  // each patch keeps its drawn size for up to 40 positions before it is shrunk (so that large
  // patches are not crowded out by small ones); give up after count × 400 tries in all
  const maxAttempts = count * 400;
  let attempts = 0;
  while (produced < count && attempts < maxAttempts) {
    let areaHa = sampleArea();
    let placed: Feature<Polygon, FarmlandProps> | null = null;
    for (let k = 0; !placed && attempts < maxAttempts; k++, attempts++) {
      if (k > 0 && k % 40 === 0) areaHa = Math.max(Math.min(5, areaHa), areaHa * 0.8);
      placed = tryPlace([rng.range(minx, maxx), rng.range(miny, maxy)], areaHa);
    }
    if (placed) {
      produced++;
      yield placed;
    }
  }
}

export function generateFarmland(counties: FeatureCollection, options: FarmlandOptions): FeatureCollection<Polygon, FarmlandProps> {
  return collection([...farmlandFeatures(counties, options)]);
}
