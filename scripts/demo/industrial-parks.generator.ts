/**
 * industrial-parks — 产业园区, 演示数据.
 *
 * Rules: one or two parks per county-level unit at the edge of its county seat (the town
 * development boundary is then drawn around them), carrying the real industry cluster of the
 * county (茌平 aluminium, 临清 bearings, 阳谷 cables/copper, 东阿 阿胶/biomedicine, 高唐
 * paper/textiles, 冠县 sheet metal/new materials, 莘县 chemicals/food, 东昌府 equipment,
 * 经开区 new-energy vehicles, 高新区 new materials). Seeded blobs of 5–12 km², clipped to the
 * county, minus the red line and water-source zones, never overlapping each other; a park inside
 * a development zone is clipped to that zone and carries its code in `zone`, the others stay out
 * of the zones (`zone` = null). Industry codes: GB/T 4754-2017 divisions (大类).
 */
import type { FeatureCollection } from 'geojson';
import { blob, collection, difference, feature, finalizePolygonal, intersect, type LonLat, type PolyGeom } from './geo.ts';
import { createRng } from './random.ts';
import { frameOf, pad, seedOf, type GeneratorOptions } from './common.ts';
import type { CountyCode, Frame } from './base.ts';
import type { DevZoneGeom } from './development-zones.generator.ts';

export interface ParkInfo {
  name: string;
  county: CountyCode;
  zone: '371571' | '371572' | null;
  level: '省级' | '市级' | '县级';
  center: LonLat;
  areaKm2: number;
  elongation: number;
  leadingIndustries: string[];
  industryCodes: string[];
}

export const PARKS: readonly ParkInfo[] = [
  { name: '聊城经济技术开发区新能源汽车产业园', county: '371502', zone: '371571', level: '省级', center: [116.062, 36.418], areaKm2: 14, elongation: 1.4, leadingIndustries: ['新能源汽车', '汽车零部件', '动力电池'], industryCodes: ['36', '38'] },
  { name: '聊城高新区新材料产业园', county: '371502', zone: '371572', level: '市级', center: [116.042, 36.51], areaKm2: 9, elongation: 1.3, leadingIndustries: ['新材料', '精细化工'], industryCodes: ['26', '30'] },
  { name: '东昌府区装备制造产业园', county: '371502', zone: null, level: '市级', center: [115.9, 36.492], areaKm2: 9, elongation: 1.5, leadingIndustries: ['装备制造', '农机装备', '汽车零部件'], industryCodes: ['34', '35'] },
  { name: '茌平区铝精深加工产业园', county: '371503', zone: null, level: '省级', center: [116.293, 36.597], areaKm2: 12, elongation: 1.5, leadingIndustries: ['铝及铝精深加工', '高端铝材'], industryCodes: ['32', '33'] },
  { name: '茌平区新材料循环经济产业园', county: '371503', zone: null, level: '市级', center: [116.238, 36.548], areaKm2: 6, elongation: 1.3, leadingIndustries: ['新材料', '循环经济'], industryCodes: ['32', '42'] },
  { name: '阳谷县电线电缆产业园', county: '371521', zone: null, level: '省级', center: [115.83, 36.122], areaKm2: 9, elongation: 1.4, leadingIndustries: ['电线电缆', '特种电缆'], industryCodes: ['38'] },
  { name: '阳谷县铜精深加工产业园', county: '371521', zone: null, level: '市级', center: [115.762, 36.082], areaKm2: 6, elongation: 1.3, leadingIndustries: ['铜冶炼', '铜精深加工'], industryCodes: ['32'] },
  { name: '莘县化工产业园', county: '371522', zone: null, level: '省级', center: [115.703, 36.203], areaKm2: 7, elongation: 1.4, leadingIndustries: ['精细化工', '化工新材料'], industryCodes: ['26'] },
  { name: '莘县食品产业园', county: '371522', zone: null, level: '县级', center: [115.66, 36.262], areaKm2: 5, elongation: 1.3, leadingIndustries: ['蔬菜精深加工', '食品制造'], industryCodes: ['13', '14'] },
  { name: '东阿县阿胶生物医药产业园', county: '371524', zone: null, level: '省级', center: [116.287, 36.347], areaKm2: 8, elongation: 1.4, leadingIndustries: ['阿胶', '生物医药', '保健食品'], industryCodes: ['27', '14'] },
  { name: '冠县板材新材料产业园', county: '371525', zone: null, level: '省级', center: [115.478, 36.463], areaKm2: 9, elongation: 1.5, leadingIndustries: ['金属板材', '新材料'], industryCodes: ['33', '31'] },
  { name: '高唐县造纸产业园', county: '371526', zone: null, level: '省级', center: [116.266, 36.845], areaKm2: 8, elongation: 1.4, leadingIndustries: ['造纸', '纸制品'], industryCodes: ['22'] },
  { name: '高唐县纺织产业园', county: '371526', zone: null, level: '县级', center: [116.205, 36.887], areaKm2: 5, elongation: 1.3, leadingIndustries: ['纺织', '功能性面料'], industryCodes: ['17', '18'] },
  { name: '临清市轴承产业园', county: '371581', zone: null, level: '省级', center: [115.748, 36.822], areaKm2: 9, elongation: 1.4, leadingIndustries: ['轴承', '精密机械'], industryCodes: ['34'] },
  { name: '临清市烟店轴承产业集聚区', county: '371581', zone: null, level: '县级', center: [115.805, 36.765], areaKm2: 5, elongation: 1.3, leadingIndustries: ['轴承', '轴承配件'], industryCodes: ['34'] },
];

export interface ParkProps extends Record<string, unknown> {
  name: string;
  code: string;
  level: string;
  county: string;
  zone: string | null;
  leadingIndustries: string[];
  industryCodes: string[];
}

export interface ParkGeom {
  info: ParkInfo;
  code: string;
  geom: PolyGeom;
}

export function parkGeometries(frame: Frame, seed: number, zones: DevZoneGeom[], exclude: PolyGeom[]): ParkGeom[] {
  const rng = createRng(seed, 'industrial-parks');
  const out: ParkGeom[] = [];
  const serial = new Map<string, number>();
  for (const info of PARKS) {
    const county = frame.counties.find((c) => c.code === info.county)!;
    const raw = blob(info.center, info.areaKm2, rng.fork(info.name), { irregularity: 0.15, elongation: info.elongation, vertices: 64 });
    let geom = difference(intersect(raw, county.geom), ...exclude, ...out.map((p) => p.geom));
    if (info.zone) {
      geom = intersect(geom, zones.find((z) => z.info.code === info.zone)?.geom);
    } else {
      geom = difference(geom, ...zones.map((z) => z.geom));
    }
    if (!geom) throw new Error(`${info.name} vanished`);
    const n = (serial.get(info.county) ?? 0) + 1;
    serial.set(info.county, n);
    out.push({ info, code: `${info.county}-YQ-${pad(n, 2)}`, geom });
  }
  return out;
}

export interface IndustrialParksOptions extends GeneratorOptions {
  zones?: DevZoneGeom[];
  exclude?: PolyGeom[];
  geoms?: ParkGeom[];
}

export function generateIndustrialParks(counties: FeatureCollection, options: IndustrialParksOptions = {}): FeatureCollection<PolyGeom, ParkProps> {
  const frame = frameOf(counties, options);
  const geoms = options.geoms ?? parkGeometries(frame, seedOf(options), options.zones ?? [], options.exclude ?? []);
  return collection(
    geoms.flatMap(({ info, code, geom }) => {
      const g = finalizePolygonal(geom, 20000, info.name);
      return g
        ? [
            feature(g, {
              name: info.name,
              code,
              level: info.level,
              county: info.county,
              zone: info.zone,
              leadingIndustries: info.leadingIndustries,
              industryCodes: info.industryCodes,
            }),
          ]
        : [];
    }),
  );
}
