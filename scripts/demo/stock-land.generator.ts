/**
 * stock-land — 存量土地 (批而未供 / 闲置土地 / 储备土地), 演示数据.
 *
 * Rules: ≈ 150 parcels of 2–80 ha (log-skewed: many small, few large), nearly rectangular, placed
 * by rejection sampling: ≈ 60 % in industrial parks, 20 % in the rest of the development zones,
 * 20 % in the rest of the town development boundaries. A parcel lies wholly inside its host (≥ 30 m
 * from its edge), ≥ 20 m from every other parcel, ≥ 60 m from rivers and the canal, and outside
 * lakes, heritage sites, the red line and water-source zones — hence never on 永久基本农田 (which
 * stays outside towns, zones and parks). Planned use follows the host (parks: mostly 工业用地;
 * 江北水城旅游度假区: 商服用地; towns: mixed).
 */
import * as turf from '@turf/turf';
import type { FeatureCollection, Polygon, Position } from 'geojson';
import {
  PlanarLineSet,
  PlanarPolygonSet,
  collection,
  difference,
  feature,
  fieldOutline,
  finalizePolygonal,
  geomBbox,
  placeOutline,
  toXY,
  type PolyGeom,
  type XY,
} from './geo.ts';
import { createRng } from './random.ts';
import { pad, roundTo, type GeneratorOptions } from './common.ts';
import type { Frame } from './base.ts';
import type { DevZoneGeom } from './development-zones.generator.ts';
import type { ParkGeom } from './industrial-parks.generator.ts';
import type { TownGeom } from './town-development-boundary.generator.ts';

export type StockKind = '批而未供' | '闲置土地' | '储备土地';
export type PlannedUse = '工业用地' | '仓储用地' | '商服用地';

export interface StockLandProps extends Record<string, unknown> {
  code: string;
  county: string;
  kind: StockKind;
  plannedUse: PlannedUse;
  areaMu: number;
  zone: string | null;
  zoneName: string | null;
  park: string | null;
}

export interface StockParcel {
  props: StockLandProps;
  center: XY;
  rel: XY[];
  radius: number;
  geom: Polygon;
}

interface Host {
  kind: 'park' | 'zone' | 'town';
  county: string;
  zone: string | null;
  zoneName: string | null;
  park: string | null;
  geom: PolyGeom;
  set: PlanarPolygonSet;
  bbox: [number, number, number, number];
  weight: number;
}

export interface StockLandInputs {
  zones: DevZoneGeom[];
  parks: ParkGeom[];
  towns: TownGeom[];
  /** hard exclusions: lakes, heritage sites, red line, water-source zones */
  exclude: PolyGeom[];
  /** river and canal centre lines */
  lines: Position[][];
  count?: number;
}

export function stockParcels(frame: Frame, seed: number, input: StockLandInputs): StockParcel[] {
  const rng = createRng(seed, 'stock-land');
  const count = input.count ?? 150;
  const hosts: Host[] = [];
  const mk = (h: Omit<Host, 'set' | 'bbox'>) => {
    const [w, s, e, n] = geomBbox(h.geom);
    const a = toXY([w, s]);
    const b = toXY([e, n]);
    hosts.push({ ...h, set: new PlanarPolygonSet([h.geom], 500), bbox: [a[0], a[1], b[0], b[1]] });
  };
  const parkArea = input.parks.reduce((s, p) => s + turf.area(p.geom), 0);
  for (const p of input.parks) {
    const z = p.info.zone ? input.zones.find((x) => x.info.code === p.info.zone) : undefined;
    mk({ kind: 'park', county: p.info.county, zone: p.info.zone, zoneName: z?.info.name ?? null, park: p.info.name, geom: p.geom, weight: (0.6 * turf.area(p.geom)) / parkArea });
  }
  const parkGeoms = input.parks.map((p) => p.geom);
  const zoneRest = input.zones.map((z) => ({ z, g: difference(z.geom, ...parkGeoms) }));
  const zoneArea = zoneRest.reduce((s, x) => s + (x.g ? turf.area(x.g) : 0), 0);
  for (const { z, g } of zoneRest) {
    if (g) mk({ kind: 'zone', county: z.info.county, zone: z.info.code, zoneName: z.info.name, park: null, geom: g, weight: (0.2 * turf.area(g)) / zoneArea });
  }
  const townRest = input.towns.map((t) => ({ t, g: difference(t.geom, ...parkGeoms, ...input.zones.map((z) => z.geom)) }));
  // weight towns equally per county so that small county seats also get parcels
  const nTowns = townRest.filter((x) => x.g).length;
  for (const { t, g } of townRest) {
    if (g) mk({ kind: 'town', county: t.county, zone: null, zoneName: null, park: null, geom: g, weight: 0.2 / nTowns });
  }
  const excl = new PlanarPolygonSet(input.exclude, 1000);
  const lines = new PlanarLineSet(input.lines, 1000);
  const placed: StockParcel[] = [];
  const serial = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const host = rng.weighted(hosts.map((h) => [h, h.weight] as const));
    const u = rng.float();
    let areaHa = 2 * 40 ** (u ** 1.5);
    for (let attempt = 0; attempt < 300; attempt++) {
      if (attempt > 0 && attempt % 60 === 0) areaHa = Math.max(2, areaHa * 0.6);
      const { rel, radius } = fieldOutline(rng, areaHa * 1e4, { aspect: rng.range(1, 2.2), jitter: 0.03 });
      const c: XY = [rng.range(host.bbox[0], host.bbox[2]), rng.range(host.bbox[1], host.bbox[3])];
      if (!host.set.containsDisc(c, radius + 30)) continue;
      if (!excl.disjointDisc(c, radius + 30)) continue;
      if (lines.near(c, radius + 60)) continue;
      if (placed.some((p) => Math.hypot(p.center[0] - c[0], p.center[1] - c[1]) < p.radius + radius + 20)) continue;
      const geom = placeOutline(c, rel);
      const kind = rng.weighted<StockKind>([['批而未供', 45], ['闲置土地', 20], ['储备土地', 35]]);
      const plannedUse: PlannedUse =
        host.zone === '371573'
          ? '商服用地'
          : host.kind === 'town'
            ? rng.weighted<PlannedUse>([['商服用地', 45], ['工业用地', 35], ['仓储用地', 20]])
            : rng.weighted<PlannedUse>([['工业用地', 75], ['仓储用地', 18], ['商服用地', 7]]);
      const n = (serial.get(host.county) ?? 0) + 1;
      serial.set(host.county, n);
      placed.push({
        props: {
          code: `${host.county}-CL-${pad(n, 4)}`,
          county: host.county,
          kind,
          plannedUse,
          areaMu: roundTo((turf.area(geom) / 1e4) * 15, 1),
          zone: host.zone,
          zoneName: host.zoneName,
          park: host.park,
        },
        center: c,
        rel,
        radius,
        geom,
      });
      break;
    }
  }
  return placed;
}

export interface StockLandOptions extends GeneratorOptions {
  parcels: StockParcel[];
}

export function generateStockLand(_counties: FeatureCollection, options: StockLandOptions): FeatureCollection<PolyGeom, StockLandProps> {
  return collection(
    options.parcels.flatMap((p) => {
      const g = finalizePolygonal(p.geom, 100, p.props.code);
      return g ? [feature(g, p.props)] : [];
    }),
  );
}
