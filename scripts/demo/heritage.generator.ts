/**
 * heritage — 文物保护, 演示数据.
 *
 * Rules:
 *  - 大运河遗产保护带: a 500 m band each side of the Grand Canal, cut by county (阳谷县, 东昌府区,
 *    临清市 — the counties the canal crosses); a soft constraint (建设控制地带, 弹性管控);
 *  - a few sites as small polygons (rotated rectangles of 1.5–30 ha, the 保护范围) at their
 *    approximate positions: 光岳楼 and 山陕会馆 (东昌府区), 临清舍利宝塔 and 临清运河钞关 (临清市),
 *    阿城上下闸 on the canal (阳谷县), 曹植墓 at 鱼山 (东阿县), 教场铺遗址 (茌平区); sites are
 *    hard constraints (严格保护). Sites that would fall outside their county are moved inwards.
 */
import type { FeatureCollection, Polygon, Position } from 'geojson';
import {
  buffer,
  collection,
  feature,
  finalizePolygonal,
  intersect,
  toLL,
  toXY,
  type LonLat,
  type PolyGeom,
  type XY,
} from './geo.ts';
import { createRng } from './random.ts';
import { frameOf, seedOf, type GeneratorOptions } from './common.ts';
import type { CountyCode, Frame } from './base.ts';
import type { RiverLines } from './rivers.generator.ts';
import { GUANGYUE_TOWER } from './lakes.generator.ts';

export interface HeritageProps extends Record<string, unknown> {
  name: string;
  level: string;
  category: string;
  control: string;
  county: string;
}

interface SiteDef {
  name: string;
  county: CountyCode;
  at: LonLat;
  areaHa: number;
  level: string;
  category: string;
}

export const HERITAGE_SITES: readonly SiteDef[] = [
  { name: '光岳楼', county: '371502', at: GUANGYUE_TOWER, areaHa: 3, level: '全国重点文物保护单位', category: '古建筑' },
  { name: '山陕会馆', county: '371502', at: [115.9985, 36.4567], areaHa: 2, level: '全国重点文物保护单位', category: '古建筑' },
  { name: '临清运河钞关', county: '371581', at: [115.7165, 36.8425], areaHa: 3, level: '全国重点文物保护单位', category: '古建筑' },
  { name: '临清舍利宝塔', county: '371581', at: [115.722, 36.861], areaHa: 1.5, level: '全国重点文物保护单位', category: '古建筑' },
  { name: '阿城上下闸', county: '371521', at: [115.979, 36.176], areaHa: 2, level: '全国重点文物保护单位', category: '古建筑（运河水工设施）' },
  { name: '曹植墓', county: '371524', at: [116.19, 36.205], areaHa: 10, level: '全国重点文物保护单位', category: '古墓葬' },
  { name: '教场铺遗址', county: '371503', at: [116.3, 36.5], areaHa: 30, level: '全国重点文物保护单位', category: '古遗址' },
];

export interface HeritageGeoms {
  band: { county: string; countyName: string; geom: PolyGeom }[];
  sites: { def: SiteDef; geom: Polygon }[];
}

function rectangle(center: XY, areaM2: number, aspect: number, rotRad: number): Polygon {
  const w = Math.sqrt(areaM2 * aspect) / 2;
  const h = Math.sqrt(areaM2 / aspect) / 2;
  const pts: XY[] = [
    [-w, -h],
    [w, -h],
    [w, h],
    [-w, h],
  ];
  const ring: Position[] = pts.map(([x, y]) => toLL([center[0] + x * Math.cos(rotRad) - y * Math.sin(rotRad), center[1] + x * Math.sin(rotRad) + y * Math.cos(rotRad)]));
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}

export function heritageGeometries(frame: Frame, seed: number, rivers: RiverLines): HeritageGeoms {
  const rng = createRng(seed, 'heritage');
  const bandRaw = buffer({ type: 'LineString', coordinates: rivers.canal }, 500, 8);
  const band: HeritageGeoms['band'] = [];
  for (const c of frame.counties) {
    if (!['371521', '371502', '371581'].includes(c.code)) continue;
    const g = intersect(bandRaw, c.geom);
    if (g) band.push({ county: c.code, countyName: c.name, geom: g });
  }
  const sites: HeritageGeoms['sites'] = [];
  for (const def of HERITAGE_SITES) {
    const county = frame.counties.find((c) => c.code === def.county)!;
    const areaM2 = def.areaHa * 1e4;
    const r = Math.sqrt(areaM2) * 1.2;
    let p = toXY(def.at);
    // a site too close to the county edge is moved inwards (south-east, ≈ 100 m steps)
    for (let k = 0; k < 200 && !county.set.containsDisc(p, r + 50); k++) p = [p[0] + 70, p[1] - 70];
    if (!county.set.containsDisc(p, r + 50)) throw new Error(`heritage site ${def.name} cannot be placed`);
    sites.push({ def, geom: rectangle(p, areaM2, rng.range(1, 1.6), (rng.range(-8, 8) * Math.PI) / 180) });
  }
  return { band, sites };
}

export interface HeritageOptions extends GeneratorOptions {
  rivers: RiverLines;
  geoms?: HeritageGeoms;
}

export function generateHeritage(counties: FeatureCollection, options: HeritageOptions): FeatureCollection<PolyGeom, HeritageProps> {
  const frame = frameOf(counties, options);
  const geoms = options.geoms ?? heritageGeometries(frame, seedOf(options), options.rivers);
  const features = [
    ...geoms.band.flatMap((b) => {
      const g = finalizePolygonal(b.geom, 20000, '大运河遗产保护带');
      return g
        ? [feature(g, { name: `中国大运河遗产保护带（${b.countyName}段）`, level: '世界文化遗产', category: '遗产保护带', control: '建设控制地带（弹性管控）', county: b.county })]
        : [];
    }),
    ...geoms.sites.flatMap((s) => {
      const g = finalizePolygonal(s.geom, 100, s.def.name);
      return g ? [feature(g, { name: s.def.name, level: s.def.level, category: s.def.category, control: '保护范围（严格保护）', county: s.def.county })] : [];
    }),
  ];
  return collection(features);
}
