/**
 * The fixed frame of the demo data: the eight county-level units (real boundaries, cleaned), the
 * city outline, county seats and the three city development zones. Positions of seats and zones
 * are approximate and only serve to make the generated layers plausible.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import {
  PlanarPolygonSet,
  areaM2,
  cleanRing,
  difference,
  polygonsOf,
  union,
  validityProblem,
  type LonLat,
  type PolyGeom,
} from './geo.ts';

export type CountyCode = '371502' | '371503' | '371521' | '371522' | '371524' | '371525' | '371526' | '371581';

export interface CountyInfo {
  code: CountyCode;
  name: string;
  /** county seat (县城 / 城区), approximate */
  seat: LonLat;
  /** target area of the seat's town development boundary blob, km² (central city: whole blob) */
  townKm2: number;
}

export const COUNTIES: readonly CountyInfo[] = [
  { code: '371502', name: '东昌府区', seat: [115.985, 36.452], townKm2: 150 },
  { code: '371503', name: '茌平区', seat: [116.25, 36.58], townKm2: 20 },
  { code: '371521', name: '阳谷县', seat: [115.79, 36.11], townKm2: 20 },
  { code: '371522', name: '莘县', seat: [115.67, 36.23], townKm2: 20 },
  { code: '371524', name: '东阿县', seat: [116.25, 36.33], townKm2: 18 },
  { code: '371525', name: '冠县', seat: [115.44, 36.48], townKm2: 20 },
  { code: '371526', name: '高唐县', seat: [116.23, 36.86], townKm2: 20 },
  { code: '371581', name: '临清市', seat: [115.715, 36.835], townKm2: 24 },
];

export function countyInfo(code: string): CountyInfo {
  const c = COUNTIES.find((x) => x.code === code);
  if (!c) throw new Error(`unknown county ${code}`);
  return c;
}

export interface DevZoneInfo {
  code: '371571' | '371572' | '371573';
  name: string;
  short: string;
  level: '国家级' | '省级';
  center: LonLat;
  areaKm2: number;
  elongation: number;
  rotationDeg: number;
  /** county-level unit whose territory hosts the zone */
  county: CountyCode;
  leadingIndustries: string[];
  industryCodes: string[];
}

export const DEV_ZONES: readonly DevZoneInfo[] = [
  {
    code: '371571',
    name: '聊城经济技术开发区',
    short: '聊城经开区',
    level: '国家级',
    center: [116.058, 36.425],
    areaKm2: 58,
    elongation: 1.5,
    rotationDeg: 20,
    county: '371502',
    leadingIndustries: ['新能源汽车', '高端装备制造', '新材料'],
    industryCodes: ['36', '34', '38'],
  },
  {
    code: '371572',
    name: '聊城高新技术产业开发区',
    short: '聊城高新区',
    level: '省级',
    center: [116.035, 36.505],
    areaKm2: 42,
    elongation: 1.4,
    rotationDeg: 35,
    county: '371502',
    leadingIndustries: ['新材料', '生物医药', '智能装备'],
    industryCodes: ['26', '27', '35'],
  },
  {
    code: '371573',
    name: '江北水城旅游度假区',
    short: '江北水城旅游度假区',
    level: '省级',
    center: [115.962, 36.428],
    areaKm2: 26,
    elongation: 1.6,
    rotationDeg: 70,
    county: '371502',
    leadingIndustries: ['文化旅游', '休闲度假', '康养服务'],
    industryCodes: ['78', '61', '88'],
  },
];

export interface WaterSourceInfo {
  /** zone name (both levels share it) */
  name: string;
  county: CountyCode;
  center: LonLat;
  kind: 'reservoir' | 'groundwater';
  /** the reservoir (lakes layer) for surface-water sources */
  reservoirName?: string;
  /** target area of the 一级保护区, km² */
  coreKm2: number;
  /** target area of the whole zone (一级 + 二级), km² */
  outerKm2: number;
}

/** drinking-water sources: one per county-level unit, placed ≥ 8 km from the seats (demo) */
export const WATER_SOURCES: readonly WaterSourceInfo[] = [
  { name: '聊城市中心城区引黄调蓄水库饮用水水源保护区', county: '371502', center: [116.02, 36.33], kind: 'reservoir', reservoirName: '东昌府区引黄调蓄水库', coreKm2: 1.2, outerKm2: 14 },
  { name: '茌平区引黄调蓄水库饮用水水源保护区', county: '371503', center: [116.34, 36.52], kind: 'reservoir', reservoirName: '茌平区引黄调蓄水库', coreKm2: 1.0, outerKm2: 10 },
  { name: '阳谷县引黄调蓄水库饮用水水源保护区', county: '371521', center: [115.9, 36.2], kind: 'reservoir', reservoirName: '阳谷县引黄调蓄水库', coreKm2: 0.9, outerKm2: 9 },
  { name: '莘县城区地下水饮用水水源保护区', county: '371522', center: [115.575, 36.3], kind: 'groundwater', coreKm2: 0.8, outerKm2: 8 },
  { name: '东阿县引黄调蓄水库饮用水水源保护区', county: '371524', center: [116.36, 36.4], kind: 'reservoir', reservoirName: '东阿县引黄调蓄水库', coreKm2: 1.0, outerKm2: 10 },
  { name: '冠县城区地下水饮用水水源保护区', county: '371525', center: [115.56, 36.56], kind: 'groundwater', coreKm2: 0.8, outerKm2: 7 },
  { name: '高唐县引黄调蓄水库饮用水水源保护区', county: '371526', center: [116.13, 36.78], kind: 'reservoir', reservoirName: '高唐县引黄调蓄水库', coreKm2: 1.0, outerKm2: 9 },
  { name: '临清市城区地下水饮用水水源保护区', county: '371581', center: [115.83, 36.88], kind: 'groundwater', coreKm2: 0.8, outerKm2: 8 },
];

export interface PreparedCounty {
  code: CountyCode;
  name: string;
  geom: PolyGeom;
  set: PlanarPolygonSet;
  areaKm2: number;
}

export interface Frame {
  counties: PreparedCounty[];
  city: PolyGeom;
  citySet: PlanarPolygonSet;
  cityAreaKm2: number;
}

/**
 * Emulates PostGIS ST_MakeValid (method 'linework', i.e. ST_BuildArea on the noded rings): all
 * ring edges are noded (T-junctions and crossings), duplicate edges dissolved, the linework
 * polygonised, and a face is kept when it is nested inside an even number of other faces.
 */
function buildArea(rings: Position[][]): PolyGeom | null {
  type Seg = { a: Position; b: Position; cuts: { t: number; p: Position }[] };
  const segs: Seg[] = [];
  const vertices: Position[] = [];
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) segs.push({ a: ring[i]!, b: ring[i + 1]!, cuts: [] });
    vertices.push(...ring.slice(0, -1));
  }
  const param = (s: Seg, p: Position) =>
    Math.abs(s.b[0]! - s.a[0]!) >= Math.abs(s.b[1]! - s.a[1]!) ? (p[0]! - s.a[0]!) / (s.b[0]! - s.a[0]!) : (p[1]! - s.a[1]!) / (s.b[1]! - s.a[1]!);
  const cross = (o: Position, a: Position, b: Position) => (a[0]! - o[0]!) * (b[1]! - o[1]!) - (a[1]! - o[1]!) * (b[0]! - o[0]!);
  for (const s of segs) {
    for (const p of vertices) {
      if (cross(s.a, s.b, p) !== 0) continue;
      const t = param(s, p);
      if (t > 0 && t < 1) s.cuts.push({ t, p });
    }
  }
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    for (let j = i + 1; j < segs.length; j++) {
      const u = segs[j]!;
      const d1 = cross(s.a, s.b, u.a);
      const d2 = cross(s.a, s.b, u.b);
      const d3 = cross(u.a, u.b, s.a);
      const d4 = cross(u.a, u.b, s.b);
      if (d1 * d2 < 0 && d3 * d4 < 0) {
        const t = d3 / (d3 - d4);
        const p: Position = [s.a[0]! + t * (s.b[0]! - s.a[0]!), s.a[1]! + t * (s.b[1]! - s.a[1]!)];
        s.cuts.push({ t, p });
        u.cuts.push({ t: param(u, p), p });
      }
    }
  }
  const edges = new Map<string, Position[]>();
  const key = (p: Position) => `${p[0]},${p[1]}`;
  for (const s of segs) {
    const pts = [s.a, ...s.cuts.sort((x, y) => x.t - y.t).map((c) => c.p), s.b];
    for (let i = 0; i + 1 < pts.length; i++) {
      const p = pts[i]!;
      const q = pts[i + 1]!;
      if (key(p) === key(q)) continue;
      const k = key(p) < key(q) ? `${key(p)}|${key(q)}` : `${key(q)}|${key(p)}`;
      if (!edges.has(k)) edges.set(k, [p, q]);
    }
  }
  // lwgeom/GEOS "linework" make-valid: repeatedly build an area from the remaining linework,
  // symmetric-difference it into the result and drop the edges that bound it
  let lines = [...edges.entries()];
  let area: PolyGeom | null = null;
  for (let round = 0; round < 20 && lines.length > 0; round++) {
    const faces = turf.polygonize(turf.featureCollection(lines.map(([, e]) => turf.lineString(e)))).features.map((f) => f.geometry);
    if (faces.length === 0) break;
    const shells = faces.map((f) => turf.polygon([f.coordinates[0]!]));
    const shellArea = shells.map((sh) => turf.area(sh));
    // depth = number of faces whose shell contains this face (GEOS BuildArea: even depth = shell)
    const kept = faces.map((face, i) => {
      const probe = turf.pointOnFeature(turf.polygon([face.coordinates[0]!]));
      const depth = shells.filter((sh, j) => j !== i && shellArea[j]! > shellArea[i]! && turf.booleanPointInPolygon(probe, sh)).length;
      return depth % 2 === 0;
    });
    const built = union(faces.filter((_, i) => kept[i]));
    if (!built) break;
    area = area ? union([difference(area, built), difference(built, area)]) : built;
    // an edge bounds the built area when exactly one kept face uses it
    const uses = new Map<string, number>();
    faces.forEach((face, i) => {
      if (!kept[i]) return;
      for (const ring of face.coordinates) {
        for (let k = 0; k + 1 < ring.length; k++) {
          const p = ring[k]!;
          const q = ring[k + 1]!;
          const ek = key(p) < key(q) ? `${key(p)}|${key(q)}` : `${key(q)}|${key(p)}`;
          uses.set(ek, (uses.get(ek) ?? 0) + 1);
        }
      }
    });
    const remaining = lines.filter(([ek]) => uses.get(ek) !== 1);
    if (remaining.length === lines.length) break;
    lines = remaining;
  }
  return area;
}

/**
 * Repairs the quantised source rings (duplicate vertices, zero-width spikes, self-touching rings,
 * a small enclave drawn as a second part of 莘县) into valid geometry with the same result as
 * PostGIS ST_MakeValid, which the server uses. Everything generated is clipped to these outlines.
 */
export function prepareCounties(fc: FeatureCollection): Frame {
  const counties: PreparedCounty[] = [];
  for (const info of COUNTIES) {
    const f = fc.features.find((x: Feature) => String(x.properties?.code) === info.code);
    if (!f) throw new Error(`county ${info.code} ${info.name} missing from boundaries`);
    const polys = polygonsOf(f.geometry as Polygon | MultiPolygon)
      .map((p) => p.map((r) => cleanRing(r)).filter((r): r is NonNullable<typeof r> => r !== null))
      .filter((p) => p.length > 0);
    if (polys.length === 0) throw new Error(`county ${info.code} empty after cleaning`);
    const geom = buildArea(polys.flat());
    if (!geom) throw new Error(`county ${info.code} empty after repair`);
    const problem = validityProblem(geom);
    if (problem) throw new Error(`county ${info.code} still invalid after repair: ${problem}`);
    counties.push({ code: info.code, name: info.name, geom, set: new PlanarPolygonSet([geom]), areaKm2: areaM2(geom) / 1e6 });
  }
  const city = union(counties.map((c) => c.geom));
  if (!city) throw new Error('city union empty');
  return { counties, city, citySet: new PlanarPolygonSet([city]), cityAreaKm2: areaM2(city) / 1e6 };
}

export function countyOfPoint(frame: Frame, p: [number, number]): PreparedCounty | undefined {
  return frame.counties.find((c) => c.set.contains(p));
}
