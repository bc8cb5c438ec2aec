/**
 * town-development-boundary — 城镇开发边界, 演示数据.
 *
 * Rules: per county-level unit, the union of a seeded blob around the county seat (central city
 * ≈ 150 km² before adding the zones, others 18–24 km²), the county's industrial parks and (for
 * 东昌府区) the three development zones; clipped to the county; minus the ecological red line
 * parts fixed before it (黄河, 卫运河, 东昌湖, wetlands …) and the drinking-water source zones.
 * One feature per county (a MultiPolygon when a park lies apart from the seat). Resulting areas:
 * central city ≈ 200 km², county seats ≈ 20–40 km².
 */
import type { FeatureCollection } from 'geojson';
import { blob, collection, difference, feature, finalizePolygonal, intersect, union, type PolyGeom } from './geo.ts';
import { createRng } from './random.ts';
import { frameOf, seedOf, type GeneratorOptions } from './common.ts';
import { COUNTIES, type Frame } from './base.ts';
import type { DevZoneGeom } from './development-zones.generator.ts';
import type { ParkGeom } from './industrial-parks.generator.ts';

export interface TownProps extends Record<string, unknown> {
  name: string;
  county: string;
}

export interface TownGeom {
  county: string;
  name: string;
  geom: PolyGeom;
}

export function townGeometries(frame: Frame, seed: number, zones: DevZoneGeom[], parks: ParkGeom[], exclude: PolyGeom[]): TownGeom[] {
  const rng = createRng(seed, 'town-development-boundary');
  const out: TownGeom[] = [];
  for (const info of COUNTIES) {
    const county = frame.counties.find((c) => c.code === info.code)!;
    const central = info.code === '371502';
    const seatBlob = central
      ? blob([116.0, 36.462], info.townKm2, rng.fork(info.code), { irregularity: 0.12, elongation: 1.35, rotationDeg: 30, vertices: 120 })
      : blob(info.seat, info.townKm2, rng.fork(info.code), { irregularity: 0.16, elongation: rng.range(1.1, 1.5), vertices: 80 });
    const parts: PolyGeom[] = [seatBlob, ...parks.filter((p) => p.info.county === info.code).map((p) => p.geom)];
    if (central) parts.push(...zones.map((z) => z.geom));
    const geom = difference(intersect(union(parts), county.geom), ...exclude);
    if (!geom) throw new Error(`town boundary of ${info.name} vanished`);
    out.push({ county: info.code, name: central ? '东昌府区（中心城区）城镇开发边界' : `${info.name}城镇开发边界`, geom });
  }
  return out;
}

export interface TownOptions extends GeneratorOptions {
  zones?: DevZoneGeom[];
  parks?: ParkGeom[];
  exclude?: PolyGeom[];
  geoms?: TownGeom[];
}

export function generateTownDevelopmentBoundary(counties: FeatureCollection, options: TownOptions = {}): FeatureCollection<PolyGeom, TownProps> {
  const frame = frameOf(counties, options);
  const geoms = options.geoms ?? townGeometries(frame, seedOf(options), options.zones ?? [], options.parks ?? [], options.exclude ?? []);
  return collection(
    geoms.flatMap((t) => {
      const g = finalizePolygonal(t.geom, 20000, t.name);
      return g ? [feature(g, { name: t.name, county: t.county })] : [];
    }),
  );
}
