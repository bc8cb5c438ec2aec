/**
 * development-zones — 开发区, 演示数据.
 *
 * Rules: the three city-level development zones (base.ts, DEV_ZONES) as seeded blobs of their
 * target size at their approximate position (聊城经济技术开发区 east/south-east of the centre,
 * 聊城高新技术产业开发区 north-east, 江北水城旅游度假区 around/south of 东昌湖), clipped to the
 * territory of 东昌府区, minus the ecological red line and the drinking-water source zones, and
 * never overlapping each other.
 */
import type { FeatureCollection } from 'geojson';
import { blob, collection, difference, feature, finalizePolygonal, intersect, type PolyGeom } from './geo.ts';
import { createRng } from './random.ts';
import { frameOf, seedOf, type GeneratorOptions } from './common.ts';
import { DEV_ZONES, type DevZoneInfo, type Frame } from './base.ts';

export interface DevZoneProps extends Record<string, unknown> {
  name: string;
  code: string;
  level: string;
  county: string;
  leadingIndustries: string[];
  industryCodes: string[];
}

export interface DevZoneGeom {
  info: DevZoneInfo;
  geom: PolyGeom;
}

export function devZoneGeometries(frame: Frame, seed: number, exclude: PolyGeom[]): DevZoneGeom[] {
  const rng = createRng(seed, 'development-zones');
  const out: DevZoneGeom[] = [];
  for (const info of DEV_ZONES) {
    const county = frame.counties.find((c) => c.code === info.county)!;
    const raw = blob(info.center, info.areaKm2, rng.fork(info.code), {
      irregularity: 0.14,
      elongation: info.elongation,
      rotationDeg: info.rotationDeg,
      vertices: 80,
    });
    const geom = difference(intersect(raw, county.geom), ...exclude, ...out.map((z) => z.geom));
    if (!geom) throw new Error(`${info.name} vanished`);
    out.push({ info, geom });
  }
  return out;
}

export interface DevelopmentZonesOptions extends GeneratorOptions {
  /** areas the zones must avoid (red line, water-source zones); from the pipeline */
  exclude?: PolyGeom[];
  geoms?: DevZoneGeom[];
}

export function generateDevelopmentZones(counties: FeatureCollection, options: DevelopmentZonesOptions = {}): FeatureCollection<PolyGeom, DevZoneProps> {
  const frame = frameOf(counties, options);
  const geoms = options.geoms ?? devZoneGeometries(frame, seedOf(options), options.exclude ?? []);
  return collection(
    geoms.flatMap(({ info, geom }) => {
      const g = finalizePolygonal(geom, 20000, info.name);
      return g
        ? [
            feature(g, {
              name: info.name,
              code: info.code,
              level: info.level,
              county: info.county,
              leadingIndustries: info.leadingIndustries,
              industryCodes: info.industryCodes,
            }),
          ]
        : [];
    }),
  );
}
