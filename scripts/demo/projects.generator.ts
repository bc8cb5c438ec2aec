/**
 * projects — 重点项目 (data/demo/projects.json), 演示数据.
 *
 * Rules:
 *  - one project per template of projects.catalog.ts (61 projects: every county-level unit and the
 *    three development zones, all three types);
 *  - investment drawn from the template's range (rounded to 100 万元); the catalogue holds several
 *    projects ≥ 50 000 万元 and four ≥ 200 000 万元; foreign-funded ones have US$ figures on both
 *    sides of the Art. 2 (4) thresholds (30 / 10 million);
 *  - site size: the template's 亩 range, or investment ÷ intensity (万元/亩, by industry), kept in
 *    10–800 亩; the site is carved out of an unused stock-land parcel of the project's park / zone /
 *    town when one is big enough (the parcel outline shrunk around its centre), otherwise placed
 *    free inside that host, clear of the red line, water-source zones, lakes, heritage sites,
 *    rivers, stock land and other sites;
 *  - the templates marked `conflict` are placed deliberately wrong and carry `demoConflict: true`:
 *    'farmland' sites sit in the countryside 0.8–5 km outside the town boundary on a 永久基本农田
 *    patch (the farmland generator is asked to put an "anchor" patch there, so the overlap holds for
 *    any --farmland N ≥ 5), 'outsideTown' sites straddle the town development boundary;
 *  - stage: a seeded shuffle of 谋划 8 / 策划生成 10 / 储备 12 / 审批 10 / 建设 13 / 投产 8, the
 *    conflicting projects always in 谋划 or 策划生成; dates follow the stage (2025–2028);
 *  - libraries: 谋划/策划生成 → only 招商项目库 for attracted projects; later stages → 省 (≥ 200 000
 *    万元) / 市 (≥ 50 000) / 县 key-project library, plus 招商项目库, 政策性资金项目库 (policy funds)
 *    and 要素保障库 (储备/审批/建设 projects that need land or energy);
 *  - needs: land = site area in 亩; energy, coal and pollutants from per-industry intensities per
 *    万元 of investment; funds = requested policy funds;
 *  - 投资项目统一代码 for projects from 审批 onwards (year-division-industry-type-serial).
 */
import * as turf from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import {
  PlanarLineSet,
  PlanarPolygonSet,
  difference,
  fieldOutline,
  finalizePolygonal,
  geomBbox,
  placeOutline,
  polygonsOf,
  toLL,
  toXY,
  type PolyGeom,
  type XY,
} from './geo.ts';
import { createRng, type Rng } from './random.ts';
import { pad, roundTo } from './common.ts';
import type { Frame } from './base.ts';
import type { DevZoneGeom } from './development-zones.generator.ts';
import type { ParkGeom } from './industrial-parks.generator.ts';
import type { TownGeom } from './town-development-boundary.generator.ts';
import type { StockParcel } from './stock-land.generator.ts';
import { INDUSTRY_NAMES, PROJECT_TEMPLATES, type ProjectTemplate, type ProjectType } from './projects.catalog.ts';

export type Stage = '谋划' | '策划生成' | '储备' | '审批' | '建设' | '投产';
export type Library = '省重点项目库' | '市重点项目库' | '县重点项目库' | '招商项目库' | '政策性资金项目库' | '要素保障库';
export type FundingSource = '中央预算内投资' | '地方政府专项债券' | '超长期特别国债' | '地方财政资金' | '银行贷款' | '自筹' | '外资';

export interface ProjectNeeds {
  landMu: number;
  energyTce: number;
  coalT: number;
  codT: number;
  nh3nT: number;
  so2T: number;
  noxT: number;
  vocsT: number;
  fundsWan: number;
}

export interface DemoProject {
  demoId: string;
  name: string;
  county: string;
  zone: string | null;
  park: string | null;
  type: ProjectType;
  industryCode: string;
  industryName: string;
  strategicEmerging: boolean;
  investmentWan: number;
  foreignInvestment: { annualNewUsdM: number; cashRegisteredCapitalUsdM: number } | null;
  fundingSources: FundingSource[];
  libraries: Library[];
  stage: Stage;
  plannedStart: string;
  plannedEnd: string;
  needs: ProjectNeeds;
  unit: string;
  content: string;
  investmentProjectCode: string | null;
  site: Polygon;
  demoConflict: boolean;
  demoConflictNote?: string;
}

export interface ProjectInputs {
  parcels: StockParcel[];
  parks: ParkGeom[];
  zones: DevZoneGeom[];
  towns: TownGeom[];
  /** hard exclusions for sites: red line, water-source zones, lakes, heritage sites */
  exclude: PolyGeom[];
  /** river / canal centre lines */
  lines: Position[][];
  /** what farmland must avoid (to find rural spots for the 'farmland' conflicts) */
  farmlandExclude: PolyGeom[];
  farmlandLines: { coords: Position[][]; clearanceM: number }[];
}

export interface ProjectPlan {
  projects: DemoProject[];
  /** farmland patches to place first, under the 'farmland' conflict sites */
  farmlandAnchors: { at: [number, number]; areaHa: number }[];
  /** sites farmland must avoid (the 'outsideTown' conflicts) */
  farmlandReserved: Polygon[];
}

const MU = 10000 / 15; // m² per 亩

/** energy (tce) and pollutants (t) per 10 000 万元 of investment per year, and coal share */
const PROFILES: Record<string, { e: number; coal: number; cod: number; nh3n: number; so2: number; nox: number; vocs: number }> = {
  '13': { e: 400, coal: 0, cod: 4, nh3n: 0.4, so2: 0.1, nox: 0.5, vocs: 0.2 },
  '14': { e: 350, coal: 0, cod: 3.5, nh3n: 0.35, so2: 0.1, nox: 0.5, vocs: 0.3 },
  '17': { e: 600, coal: 0, cod: 3, nh3n: 0.3, so2: 0.1, nox: 0.4, vocs: 0.5 },
  '22': { e: 2500, coal: 0.6, cod: 8, nh3n: 0.6, so2: 2, nox: 3.5, vocs: 0.3 },
  '26': { e: 1500, coal: 0.3, cod: 3, nh3n: 0.3, so2: 1.5, nox: 2.5, vocs: 6 },
  '27': { e: 300, coal: 0, cod: 2.5, nh3n: 0.25, so2: 0.1, nox: 0.4, vocs: 1.5 },
  '31': { e: 1200, coal: 0, cod: 0.3, nh3n: 0.03, so2: 1, nox: 2.5, vocs: 0.3 },
  '32': { e: 3500, coal: 0.5, cod: 0.5, nh3n: 0.05, so2: 3, nox: 5, vocs: 0.5 },
  '33': { e: 500, coal: 0, cod: 0.4, nh3n: 0.04, so2: 0.3, nox: 0.8, vocs: 2.5 },
  '34': { e: 200, coal: 0, cod: 0.2, nh3n: 0.02, so2: 0.05, nox: 0.3, vocs: 1.2 },
  '35': { e: 200, coal: 0, cod: 0.2, nh3n: 0.02, so2: 0.05, nox: 0.3, vocs: 1.2 },
  '36': { e: 200, coal: 0, cod: 0.3, nh3n: 0.03, so2: 0.05, nox: 0.3, vocs: 2 },
  '38': { e: 300, coal: 0, cod: 0.2, nh3n: 0.02, so2: 0.05, nox: 0.2, vocs: 0.8 },
  '39': { e: 300, coal: 0, cod: 0.5, nh3n: 0.08, so2: 0.02, nox: 0.1, vocs: 1 },
  '42': { e: 800, coal: 0.2, cod: 0.5, nh3n: 0.05, so2: 1.2, nox: 1.5, vocs: 0.6 },
  '44': { e: 6000, coal: 0.9, cod: 0.2, nh3n: 0.02, so2: 2, nox: 3, vocs: 0.1 },
  default: { e: 50, coal: 0, cod: 0.3, nh3n: 0.03, so2: 0, nox: 0.05, vocs: 0.05 },
};

/** 万元 per 亩 by industry, to size sites */
const INTENSITY: Record<string, number> = { '32': 420, '22': 380, '26': 450, '36': 480, '31': 420, default: 380 };

const BRANDS = ['泓泰', '瑞丰', '鑫盛', '华岳', '聚源', '博远', '卓航', '晟达', '嘉禾', '昊天', '恒远', '润城', '德邦', '宏信', '中鲁', '泰和', '金运', '天衡', '永固', '新驰', '盛阳', '凯隆', '明德', '沃德'];
const PLACE_PREFIX: Record<string, string> = {
  '371502': '聊城', '371503': '聊城茌平', '371521': '阳谷', '371522': '莘县', '371524': '东阿', '371525': '冠县', '371526': '高唐', '371581': '临清',
};

const STAGE_COUNTS: [Stage, number][] = [
  ['谋划', 8],
  ['策划生成', 10],
  ['储备', 12],
  ['审批', 10],
  ['建设', 13],
  ['投产', 8],
];

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month, 2)}-${pad(day, 2)}`;
}

function datesFor(stage: Stage, rng: Rng): { start: string; end: string } {
  // months counted from 2025-01 (0)
  const ranges: Record<Stage, { start: [number, number]; dur: [number, number] }> = {
    投产: { start: [0, 5], dur: [9, 15] },
    建设: { start: [2, 11], dur: [15, 26] },
    审批: { start: [12, 17], dur: [14, 24] },
    储备: { start: [14, 23], dur: [12, 24] },
    策划生成: { start: [17, 29], dur: [12, 18] },
    谋划: { start: [18, 29], dur: [12, 18] },
  };
  const r = ranges[stage];
  const s = rng.int(r.start[0], r.start[1]);
  const e = Math.min(s + rng.int(r.dur[0], r.dur[1]), 47); // ≤ 2028-12
  const ym = (m: number) => [2025 + Math.floor(m / 12), (m % 12) + 1] as const;
  const [sy, sm] = ym(s);
  const [ey, em] = ym(e);
  return { start: isoDate(sy, sm, rng.int(1, 28)), end: isoDate(ey, em, rng.int(1, 28)) };
}

function fundingFor(t: ProjectTemplate, rng: Rng): FundingSource[] {
  if (t.type === '政府投资') {
    const policy = rng.sample<FundingSource>(['中央预算内投资', '地方政府专项债券', '超长期特别国债'], rng.int(1, 2));
    const rest: FundingSource[] = rng.bool(0.6) ? ['地方财政资金'] : [];
    return [...policy, ...rest];
  }
  const out: FundingSource[] = ['自筹'];
  if (rng.bool(0.6)) out.push('银行贷款');
  if (t.foreign) out.push('外资');
  if (t.type === '社会投资' && rng.bool(0.3)) out.push(rng.pick<FundingSource>(['超长期特别国债', '中央预算内投资']));
  return out;
}

const POLICY: FundingSource[] = ['中央预算内投资', '地方政府专项债券', '超长期特别国债'];

function librariesFor(p: { type: ProjectType; stage: Stage; investmentWan: number; fundingSources: FundingSource[]; needs: ProjectNeeds; county: string }, rng: Rng): Library[] {
  if (p.stage === '谋划' || p.stage === '策划生成') return p.type === '招商引资' ? ['招商项目库'] : [];
  const libs: Library[] = [];
  if (p.investmentWan >= 200000) libs.push('省重点项目库', '市重点项目库');
  else if (p.investmentWan >= 50000) libs.push('市重点项目库');
  else libs.push(rng.bool(0.25) ? '市重点项目库' : '县重点项目库');
  if (p.type === '招商引资') libs.push('招商项目库');
  if (p.fundingSources.some((f) => POLICY.includes(f))) libs.push('政策性资金项目库');
  if (['储备', '审批', '建设'].includes(p.stage) && (p.needs.landMu > 0 || p.needs.energyTce > 0)) libs.push('要素保障库');
  return libs;
}

interface Disc {
  c: XY;
  r: number;
}

export function planProjects(frame: Frame, seed: number, input: ProjectInputs): ProjectPlan {
  const rng = createRng(seed, 'projects');
  const hardExcl = new PlanarPolygonSet(input.exclude, 1000);
  const parcelSet = new PlanarPolygonSet(input.parcels.map((p) => p.geom), 1000);
  const lines = new PlanarLineSet(input.lines, 1000);
  const farmExcl = new PlanarPolygonSet(input.farmlandExclude, 1000);
  const farmLines = input.farmlandLines.map((l) => ({ set: new PlanarLineSet(l.coords, 1000), clearance: l.clearanceM }));
  const usedParcels = new Set<StockParcel>();
  const discs: Disc[] = [];
  const clearOfSites = (c: XY, r: number) => discs.every((d) => Math.hypot(d.c[0] - c[0], d.c[1] - c[1]) > d.r + r + 30);

  // stage plan: conflicts first take early stages
  const stages = rng.shuffle(STAGE_COUNTS.flatMap(([s, n]) => Array.from({ length: n }, () => s)));
  const early = stages.filter((s) => s === '谋划' || s === '策划生成');
  const later = stages.filter((s) => s !== '谋划' && s !== '策划生成');
  const conflicts = PROJECT_TEMPLATES.filter((t) => t.conflict).length;
  const earlyForConflicts = early.splice(0, conflicts);
  const rest = rng.shuffle([...early, ...later]);

  const townSets = new Map(input.towns.map((t) => [t.county, new PlanarPolygonSet([t.geom], 500)]));
  const hostSet = (t: ProjectTemplate): { set: PlanarPolygonSet; bbox: [number, number, number, number]; geom: PolyGeom } => {
    let geom: PolyGeom | null = null;
    if (t.park) geom = input.parks.find((p) => p.info.name === t.park)?.geom ?? null;
    else if (t.zone) geom = input.zones.find((z) => z.info.code === t.zone)?.geom ?? null;
    else {
      const town = input.towns.find((x) => x.county === t.county)!.geom;
      // county-level projects stay out of the development zones
      geom = difference(town, ...input.zones.map((z) => z.geom));
    }
    if (!geom) throw new Error(`no host for ${t.name}`);
    const [w, s, e, n] = geomBbox(geom);
    const a = toXY([w, s]);
    const b = toXY([e, n]);
    return { set: new PlanarPolygonSet([geom], 500), bbox: [a[0], a[1], b[0], b[1]], geom };
  };

  const projects: DemoProject[] = [];
  const anchors: ProjectPlan['farmlandAnchors'] = [];
  const reserved: Polygon[] = [];
  let conflictIdx = 0;
  let restIdx = 0;

  PROJECT_TEMPLATES.forEach((t, index) => {
    const r = rng.fork(t.name);
    const investmentWan = Math.round(r.range(t.invest[0], t.invest[1]) / 100) * 100;
    const intensity = t.intensity ?? INTENSITY[t.industryCode] ?? INTENSITY.default!;
    let needMu = t.mu ? r.range(t.mu[0], t.mu[1]) : (investmentWan / intensity) * r.range(0.85, 1.15);
    needMu = Math.max(10, Math.min(780, needMu));
    let site: Polygon | null = null;
    let park: string | null = t.park ?? null;
    let conflictNote: string | undefined;

    if (t.conflict === 'farmland') {
      const county = frame.counties.find((c) => c.code === t.county)!;
      const town = townSets.get(t.county)!;
      const siteHa = (needMu * MU) / 1e4;
      const anchorHa = Math.min(180, Math.max(30, siteHa * 1.6));
      const [w, s, e, n] = geomBbox(county.geom);
      const a0 = toXY([w, s]);
      const b0 = toXY([e, n]);
      for (let attempt = 0; attempt < 20000 && !site; attempt++) {
        const c: XY = [r.range(a0[0], b0[0]), r.range(a0[1], b0[1])];
        const probe = fieldOutline(r, anchorHa * 1e4, { aspect: 2.6 });
        const R = probe.radius * 1.35;
        if (!county.set.containsDisc(c, R + 40)) continue;
        if (town.contains(c)) continue;
        const dTown = town.distanceToBoundary(c, 5000);
        if (dTown === Infinity || dTown < 800 + R) continue;
        if (!farmExcl.disjointDisc(c, R + 60)) continue;
        if (farmLines.some((l) => l.set.near(c, R + l.clearance + 20))) continue;
        if (!clearOfSites(c, R)) continue;
        // the site's centre lies well inside the patch (≤ 35 % of its shortest half-width away)
        const off = 0.35 * (Math.sqrt((anchorHa * 1e4) / 2.6) / 2) * 0.8;
        const ang = r.range(0, 2 * Math.PI);
        const sc: XY = [c[0] + off * Math.cos(ang), c[1] + off * Math.sin(ang)];
        const o = fieldOutline(r, needMu * MU, { aspect: r.range(1, 1.8), jitter: 0.03 });
        if (o.radius + off > R) continue;
        site = placeOutline(sc, o.rel);
        discs.push({ c, r: R });
        anchors.push({ at: toLL(c), areaHa: anchorHa });
        park = null;
        conflictNote = '选址占用永久基本农田（演示冲突）';
      }
    } else if (t.conflict === 'outsideTown') {
      const county = frame.counties.find((c) => c.code === t.county)!;
      const townGeom = input.towns.find((x) => x.county === t.county)!.geom;
      const ring = polygonsOf(townGeom).flatMap((p) => p[0]!);
      const o = fieldOutline(r, needMu * MU, { aspect: r.range(1, 1.6), jitter: 0.03 });
      const order = r.shuffle(ring.map((_, i) => i));
      for (const i of order) {
        const c = toXY(ring[i]!);
        if (!county.set.containsDisc(c, o.radius + 30)) continue;
        if (!hardExcl.disjointDisc(c, o.radius + 30)) continue;
        if (!parcelSet.disjointDisc(c, o.radius + 30)) continue;
        if (lines.near(c, o.radius + 60)) continue;
        if (!clearOfSites(c, o.radius)) continue;
        site = placeOutline(c, o.rel);
        discs.push({ c, r: o.radius });
        reserved.push(site);
        park = null;
        conflictNote = '选址部分位于城镇开发边界外（演示冲突）';
        break;
      }
    } else {
      // 1) an unused stock-land parcel of the host that is big enough
      const wantsIndustrial = Number(t.industryCode) <= 44;
      const candidates = input.parcels.filter((p) => {
        if (usedParcels.has(p)) return false;
        if (t.park) return p.props.park === t.park;
        if (t.zone) return p.props.zone === t.zone;
        return p.props.county === t.county && p.props.zone === null && p.props.park === null;
      });
      const fits = candidates
        .filter((p) => p.props.areaMu >= needMu * 0.7)
        .sort((a, b) => {
          const ua = (wantsIndustrial ? a.props.plannedUse !== '商服用地' : a.props.plannedUse === '商服用地') ? 0 : 1;
          const ub = (wantsIndustrial ? b.props.plannedUse !== '商服用地' : b.props.plannedUse === '商服用地') ? 0 : 1;
          return ua - ub || a.props.areaMu - b.props.areaMu;
        });
      const parcel = fits.find((p) => clearOfSites(p.center, p.radius));
      if (parcel) {
        usedParcels.add(parcel);
        const k = parcel.props.areaMu > needMu ? Math.sqrt(needMu / parcel.props.areaMu) : 1;
        site = placeOutline(parcel.center, parcel.rel.map(([x, y]) => [x * k, y * k] as XY));
        discs.push({ c: parcel.center, r: parcel.radius * k });
      } else {
        // 2) a free spot inside the host
        const host = hostSet(t);
        let mu = needMu;
        for (let attempt = 0; attempt < 6000 && !site; attempt++) {
          if (attempt > 0 && attempt % 600 === 0) mu = Math.max(10, mu * 0.85);
          const o = fieldOutline(r, mu * MU, { aspect: r.range(1, 1.8), jitter: 0.03 });
          const c: XY = [r.range(host.bbox[0], host.bbox[2]), r.range(host.bbox[1], host.bbox[3])];
          if (!host.set.containsDisc(c, o.radius + 20)) continue;
          if (!hardExcl.disjointDisc(c, o.radius + 20)) continue;
          if (!parcelSet.disjointDisc(c, o.radius + 20)) continue;
          if (lines.near(c, o.radius + 50)) continue;
          if (!clearOfSites(c, o.radius)) continue;
          site = placeOutline(c, o.rel);
          discs.push({ c, r: o.radius });
        }
      }
    }
    if (!site) throw new Error(`no site found for ${t.name}`);
    const finalSite = finalizePolygonal(site, 100, t.name);
    if (!finalSite || finalSite.type !== 'Polygon') throw new Error(`bad site for ${t.name}`);
    const landMu = roundTo(turf.area(finalSite) / MU, 1);

    const stage = t.conflict ? earlyForConflicts[conflictIdx++]! : rest[restIdx++]!;
    const prof = t.profile === 'pv' || t.profile === 'none' ? null : (PROFILES[t.industryCode] ?? PROFILES.default!);
    const k = investmentWan / 10000;
    const jig = () => r.range(0.8, 1.2);
    const energyTce = prof ? Math.round(prof.e * k * jig()) : t.profile === 'pv' ? 0 : Math.round(20 * k);
    const fundingSources = fundingFor(t, r);
    const policyShare = fundingSources.some((f) => POLICY.includes(f)) ? (t.type === '政府投资' ? r.range(0.5, 0.9) : r.range(0.05, 0.15)) : 0;
    const needs: ProjectNeeds = {
      landMu,
      energyTce,
      coalT: prof ? Math.round((energyTce * prof.coal) / 0.7143) : 0,
      codT: prof ? roundTo(prof.cod * k * jig(), 2) : 0,
      nh3nT: prof ? roundTo(prof.nh3n * k * jig(), 2) : 0,
      so2T: prof ? roundTo(prof.so2 * k * jig(), 2) : 0,
      noxT: prof ? roundTo(prof.nox * k * jig(), 2) : 0,
      vocsT: prof ? roundTo(prof.vocs * k * jig(), 2) : 0,
      fundsWan: Math.round((investmentWan * policyShare) / 100) * 100,
    };
    const foreignInvestment = t.foreign
      ? { annualNewUsdM: roundTo(r.range(t.foreign[0][0], t.foreign[0][1]), 1), cashRegisteredCapitalUsdM: roundTo(r.range(t.foreign[1][0], t.foreign[1][1]), 1) }
      : null;
    const dates = datesFor(stage, r);
    const unit = t.unit ?? `${PLACE_PREFIX[t.county]}${BRANDS[(index * 7 + r.int(0, BRANDS.length - 1)) % BRANDS.length]}${t.unitWord ?? ''}有限公司`;
    const libraries = librariesFor({ type: t.type, stage, investmentWan, fundingSources, needs, county: t.county }, r);
    const division = t.zone ?? t.county;
    const approvalKind = t.type === '政府投资' ? '01' : t.foreign || investmentWan >= 200000 ? '02' : '03';
    const investmentProjectCode = ['审批', '建设', '投产'].includes(stage)
      ? `${dates.start.slice(0, 4) === '2025' ? 2024 : 2025}-${division}-${t.industryCode}-${approvalKind}-${pad(r.int(1, 999999), 6)}`
      : null;
    const project: DemoProject = {
      demoId: `DEMO-P${pad(index + 1, 3)}`,
      name: t.name,
      county: t.county,
      zone: t.zone,
      park,
      type: t.type,
      industryCode: t.industryCode,
      industryName: INDUSTRY_NAMES[t.industryCode] ?? '',
      strategicEmerging: t.strategicEmerging,
      investmentWan,
      foreignInvestment,
      fundingSources,
      libraries,
      stage,
      plannedStart: dates.start,
      plannedEnd: dates.end,
      needs,
      unit,
      content: t.content,
      investmentProjectCode,
      site: finalSite,
      demoConflict: !!t.conflict,
    };
    if (conflictNote) project.demoConflictNote = conflictNote;
    projects.push(project);
  });
  return { projects, farmlandAnchors: anchors, farmlandReserved: reserved };
}
