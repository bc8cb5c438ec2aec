/**
 * water-source-protection — 饮用水水源保护区, 演示数据.
 *
 * Rules: one drinking-water source per county-level unit (list in base.ts, WATER_SOURCES), placed
 * in the countryside ≥ 8 km from the county seat.
 *  - 一级保护区: the reservoir (lakes layer) plus a 120 m shore strip, or, for groundwater
 *    well fields, a compact blob of ≈ 0.8 km²;
 *  - 二级保护区: a larger seeded blob (7–14 km²) around it, minus the 一级保护区 (a ring), so the
 *    two levels never overlap and 一级 lies inside the outline of 二级;
 *  - both clipped to the county.
 */
import type { Feature, FeatureCollection } from 'geojson';
import {
  blob,
  buffer,
  collection,
  difference,
  feature,
  finalizePolygonal,
  intersect,
  type PolyGeom,
} from './geo.ts';
import { createRng } from './random.ts';
import { frameOf, seedOf, type GeneratorOptions } from './common.ts';
import { WATER_SOURCES, type Frame } from './base.ts';
import { lakeGeometries, type LakeGeoms } from './lakes.generator.ts';

export type WaterLevel = '一级保护区' | '二级保护区';
export type WaterSourceProps = {
  name: string;
  level: WaterLevel;
  county: string;
  sourceType: '地表水（水库型）' | '地下水';
};

export interface WaterZoneGeoms {
  zones: { name: string; county: string; sourceType: WaterSourceProps['sourceType']; core: PolyGeom; outer: PolyGeom; ring: PolyGeom }[];
}

export function waterSourceGeometries(frame: Frame, seed: number, lakes: LakeGeoms): WaterZoneGeoms {
  const rng = createRng(seed, 'water-source-protection');
  const zones: WaterZoneGeoms['zones'] = [];
  for (const ws of WATER_SOURCES) {
    const county = frame.counties.find((c) => c.code === ws.county)!;
    const r = rng.fork(ws.name);
    let coreRaw: PolyGeom | null;
    if (ws.kind === 'reservoir') {
      const reservoir = lakes.all.find((l) => l.name === ws.reservoirName);
      if (!reservoir) throw new Error(`reservoir ${ws.reservoirName} missing`);
      coreRaw = buffer(reservoir.geom, 120, 6);
    } else {
      coreRaw = blob(ws.center, ws.coreKm2, r.fork('core'), { irregularity: 0.12, vertices: 36 });
    }
    const outerRaw = blob(ws.center, ws.outerKm2, r.fork('outer'), { irregularity: 0.16, elongation: r.range(1.1, 1.7), vertices: 64 });
    const core = intersect(coreRaw, county.geom);
    const outer = intersect(outerRaw, county.geom);
    if (!core || !outer) throw new Error(`water source ${ws.name} outside its county`);
    const ring = difference(outer, core);
    if (!ring) throw new Error(`water source ${ws.name}: empty 二级`);
    zones.push({ name: ws.name, county: ws.county, sourceType: ws.kind === 'reservoir' ? '地表水（水库型）' : '地下水', core, outer, ring });
  }
  return { zones };
}

export interface WaterSourceOptions extends GeneratorOptions {
  lakes?: LakeGeoms;
  geoms?: WaterZoneGeoms;
}

export function generateWaterSourceProtection(counties: FeatureCollection, options: WaterSourceOptions = {}): FeatureCollection<PolyGeom, WaterSourceProps> {
  const frame = frameOf(counties, options);
  const seed = seedOf(options);
  const geoms = options.geoms ?? waterSourceGeometries(frame, seed, options.lakes ?? lakeGeometries(frame, seed));
  const features = geoms.zones.flatMap((z) => {
    const out: Feature<PolyGeom, WaterSourceProps>[] = [];
    const core = finalizePolygonal(z.core, 1000, `${z.name} 一级`);
    const ring = finalizePolygonal(z.ring, 1000, `${z.name} 二级`);
    if (core) out.push(feature(core, { name: z.name, level: '一级保护区' as const, county: z.county, sourceType: z.sourceType }));
    if (ring) out.push(feature(ring, { name: z.name, level: '二级保护区' as const, county: z.county, sourceType: z.sourceType }));
    return out;
  });
  return collection(features);
}
