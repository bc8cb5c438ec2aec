import type { Knex } from 'knex';
import { POLLUTANTS, type PollutantKey, type SitingAnalysis, type SitingFinding, type SitingNeeds } from '../../../../common/src/siting.ts';
import { FACTOR_KEYS, FACTORS, type FactorKey } from '../../../../common/src/factors.ts';
import { chinaToday } from '../../../../common/src/working-days.ts';
import { gkZone, m2ToHa, m2ToMu } from '../../../../common/src/units.ts';
import { badRequest } from '../../http/app-error.ts';
import { assertCan } from '../../policy/access.policy.ts';
import type { Actor } from '../../policy/actor.ts';
import { checkSiteGeometry, MAX_SITE_AREA_M2, SiteIssue } from './site-geometry.validation.ts';
import { fillTemplate, MIN_OVERLAP_M2, SEVERITY_ORDER, type SitingRule } from './siting-rules.ts';
import { activeRules } from './siting-rules.repository.ts';
import * as repo from './siting.repository.ts';
import { sitingNeed } from '../../../../common/src/needs.ts';

/** A site smaller than this (m²) is a slip of the mouse, not a parcel. */
const MIN_SITE_M2 = 1;

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

export class SitingService {
  constructor(private readonly db: Knex) {}

  async analyze(actor: Actor, geometryInput: unknown, needs: SitingNeeds = {}): Promise<SitingAnalysis> {
    assertCan(actor, 'siting.use', '精准选址');
    const geometry = checkSiteGeometry(geometryInput);
    // Rules are read per analysis (an admin's change applies to the next one), alongside the gate: no
    // geometry work runs before the gate has passed (ST_IsValid first, see check-site.sql).
    const [epsg, rules] = await Promise.all([this.gate(geometry), activeRules(this.db)]);
    const year = beijingYear();
    // On PostgreSQL the pool runs these at once; the county's stock land and factor pools follow the
    // context query without waiting for the overlay.
    const withCapacity = repo.siteContext(this.db, geometry, epsg).then(async (context) => {
      const [stock, pools] = context.county
        ? await Promise.all([repo.countyStockLand(this.db, context.county.code), repo.factorPools(this.db, context.county.code, year)])
        : [{ parcels: 0, m2: 0 }, []];
      return { context, stock, pools };
    });
    const [{ context, stock, pools }, rows, road] = await Promise.all([withCapacity, repo.siteFindings(this.db, geometry, epsg, rules), repo.nearestRoad(this.db, geometry, epsg)]);
    const siteM2 = context.m2;
    const findings = rows.map((row) => this.finding(row, siteM2, rules)).filter((f): f is SitingFinding => f !== null);
    findings.sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || b.overlapM2 - a.overlapM2);

    return {
      area: { m2: round(siteM2), mu: round(m2ToMu(siteM2), 4), ha: round(m2ToHa(siteM2), 6), ellipsoidalM2: round(context.ellipsoidal_m2), epsg },
      region: {
        county: context.county,
        zone: context.zone,
        park: context.park ? park(context.park, needs.industry) : null,
        controlUnit: context.control_unit ? controlUnit(context.control_unit.properties) : null,
      },
      findings,
      verdict: this.verdict(findings, rules),
      roads: road ? { nearestName: road.name, grade: road.grade, distanceM: round(road.distance_m, 1) } : null,
      capacity: capacity(context, stock, needs, { year, rows: pools }),
    };
  }

  /**
   * Validity before anything heavy, then the limits; returns the GK zone of the site. The zone is chosen
   * by the site's centroid (CGCS2000 3-degree zones: 38 = EPSG 4526 west of 115.5°E, 39 = EPSG 4527 east
   * of it). A site straddling 115.5°E is NOT split: a parcel is measured in one zone as a whole, the
   * official practice (one zone per parcel, the one holding most of it), so its area stays one figure
   * whichever way it is cut. A site is at most 100 km², so any part on the far side lies within ~10 km of
   * 115.5°E, where the neighbouring zone's area scale error is at most ~0.05 % (at 36.5°N), inside the
   * 0.1 % the figures promise.
   */
  private async gate(geometry: GeoJSON.Geometry): Promise<number> {
    const check = await repo.checkSite(this.db, geometry);
    if (!check.valid) {
      throw badRequest(`选址范围的边界无效（${check.reason ?? '未知原因'}）：常见原因是边界自相交或多个面相互重叠，请修改后再分析`, { reason: check.reason }, SiteIssue.invalid);
    }
    const area = check.ellipsoidal_m2 ?? 0;
    if (area < MIN_SITE_M2) throw badRequest('选址范围面积为零或过小（不足 1 平方米），不是有效的地块', undefined, SiteIssue.degenerate);
    if (area > MAX_SITE_AREA_M2) {
      throw badRequest(`选址面积约 ${(area / 1e6).toFixed(1)} 平方公里，超过单次分析 ${MAX_SITE_AREA_M2 / 1e6} 平方公里的上限，请缩小范围`, { areaM2: area }, SiteIssue.tooLarge);
    }
    if (!check.in_city) throw badRequest('选址范围不在聊城市境内：请检查坐标（须为 EPSG:4326 经纬度）', undefined, SiteIssue.outsideCity);
    return gkZone(check.centroid_lon!).epsgPrefixed;
  }

  /** One finding row as the planner reads it (also used by the recommendation). */
  finding(row: repo.FindingRow, siteM2: number, rules: readonly SitingRule[]): SitingFinding | null {
    const rule = rules.find((r) => r.id === row.rule_id)!;
    const inside = row.measure === 'inside';
    const measured = inside ? row.covered_m2 : Math.max(0, siteM2 - row.covered_m2);
    const clear = measured < MIN_OVERLAP_M2;
    // An inside overlap of a mere shared edge is no conflict; an outside rule whose layer is touched but
    // fully covers the site is reported as clear (info), and dropped when it touches nothing at all.
    if (clear && (inside || row.feature_ids.length === 0 || !rule.severityWhenClear)) return null;
    const share = siteM2 > 0 ? measured / siteM2 : 0;
    const names = [...new Set(row.names)];
    const values = {
      layerName: row.layer_name,
      overlapMu: m2ToMu(measured).toFixed(2),
      overlapHa: (measured / 10_000).toFixed(4),
      share: percent(share),
      names: names.slice(0, 3).join('、') + (names.length > 3 ? ` 等 ${names.length} 处` : ''),
    };
    return {
      layer: row.layer,
      layerName: row.layer_name,
      kind: row.kind,
      rule: rule.id,
      measure: row.measure,
      overlapM2: round(measured),
      overlapMu: round(m2ToMu(measured), 4),
      share: round(share, 6),
      severity: clear ? rule.severityWhenClear! : rule.severity,
      message: fillTemplate(clear ? (rule.messageWhenClear ?? rule.message) : rule.message, values),
      featureIds: row.feature_ids,
    };
  }

  verdict(findings: SitingFinding[], rules: readonly SitingRule[]): SitingAnalysis['verdict'] {
    const decisive = findings.find((f) => f.severity === 'forbidden') ?? findings.find((f) => f.severity === 'adjust');
    if (!decisive) {
      return { result: 'ok', rule: '未触及任何刚性或弹性管控图层（生态保护红线、永久基本农田、饮用水水源保护区、城镇开发边界、文物保护范围等），可作为备选用地', ruleId: null, basis: null };
    }
    const rule = rules.find((r) => r.id === decisive.rule)!;
    const head = decisive.severity === 'forbidden' ? '禁止选址' : '需调整';
    const others = findings.filter((f) => f !== decisive && f.severity !== 'info').length;
    return {
      result: decisive.severity === 'forbidden' ? 'forbidden' : 'adjust',
      rule: `${head}：${decisive.message}（依据${rule.basis}）${others > 0 ? `；另有 ${others} 项冲突` : ''}`,
      ruleId: rule.id,
      basis: rule.basis,
    };
  }
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/**
 * Whether a park's leading industries cover the project's industry: a GB/T 4754 code (with or without
 * its section letter, e.g. C3612 or 3612) matches a park code that is its prefix (大类 36 covers 3612);
 * a name matches when either contains the other. Null when no industry was given.
 */
export function industryMatches(industry: string | undefined, leading: string[], codes: string[]): boolean | null {
  if (!industry) return null;
  const code = /^[A-Ta-t]?(\d{2,4})$/.exec(industry.trim())?.[1];
  if (code) return codes.some((c) => code.startsWith(c) || c.startsWith(code));
  return leading.some((l) => l.includes(industry) || industry.includes(l));
}

function park(p: NonNullable<repo.SiteContextRow['park']>, industry: string | undefined): NonNullable<SitingAnalysis['region']['park']> {
  const leadingIndustries = strings(p.properties.leadingIndustries);
  const industryCodes = strings(p.properties.industryCodes);
  return { name: String(p.properties.name ?? ''), layer: p.layer, leadingIndustries, industryCodes, industryMatch: industryMatches(industry, leadingIndustries, industryCodes) };
}

function controlUnit(props: Record<string, unknown>): NonNullable<SitingAnalysis['region']['controlUnit']> {
  const raw = (props.capacity ?? {}) as Record<string, unknown>;
  const capacity: Partial<Record<PollutantKey, number>> = {};
  for (const k of Object.keys(POLLUTANTS) as PollutantKey[]) if (typeof raw[k] === 'number') capacity[k] = raw[k];
  return { code: String(props.code ?? ''), name: String(props.name ?? ''), category: typeof props.category === 'string' ? props.category : null, capacity };
}

/** The calendar year in Beijing: the factor accounts are kept per year. */
const beijingYear = () => Number(chinaToday().slice(0, 4));

/**
 * The county's own pool first, then the city pool (办法第十五、十七条): a need is met when the two
 * together hold it; the gap is what neither holds. A factor with no account at all counts as zero.
 */
function factorPoolItems(pools: { year: number; rows: repo.FactorPoolRow[] }, needs: SitingNeeds) {
  const byFactor = new Map(pools.rows.map((r) => [r.factor, r]));
  return (FACTOR_KEYS.filter((f) => f !== 'funds') as FactorKey[])
    .filter((f) => byFactor.has(f) || sitingNeed(needs, f) !== undefined)
    .map((factor) => {
      const row = byFactor.get(factor);
      const needed = sitingNeed(needs, factor) ?? null;
      const held = (row?.county_balance ?? 0) + (row?.city_balance ?? 0);
      return {
        factor,
        name: FACTORS[factor].name,
        unit: FACTORS[factor].unit,
        countyBalance: row?.county_balance ?? null,
        cityBalance: row?.city_balance ?? null,
        needed,
        gap: needed === null ? null : round(Math.max(0, needed - held), 4),
      };
    });
}

function capacity(
  context: repo.SiteContextRow,
  stock: { parcels: number; m2: number },
  needs: SitingNeeds,
  pools: { year: number; rows: repo.FactorPoolRow[] },
): SitingAnalysis['capacity'] {
  const gaps: SitingAnalysis['capacity']['gaps'] = [];
  const stockMu = m2ToMu(stock.m2);
  const neededMu = needs.landMu ?? null;
  const gapMu = neededMu === null ? null : Math.max(0, neededMu - stockMu);
  if (gapMu) gaps.push({ factor: 'land', name: '存量土地', needed: neededMu!, available: round(stockMu, 2), gap: round(gapMu, 2), unit: '亩' });

  const unit = context.control_unit ? controlUnit(context.control_unit.properties) : null;
  const items = unit
    ? (Object.keys(POLLUTANTS) as PollutantKey[]).map((factor) => {
        const remaining = unit.capacity[factor] ?? null;
        const needed = needs.pollutants?.[factor] ?? null;
        const gap = needed === null ? null : round(Math.max(0, needed - (remaining ?? 0)), 4);
        if (gap) gaps.push({ factor, name: POLLUTANTS[factor], needed: needed!, available: remaining ?? 0, gap, unit: '吨/年' });
        return { factor, name: POLLUTANTS[factor], remainingT: remaining, neededT: needed, gapT: gap };
      })
    : null;
  if (!unit && needs.pollutants && Object.keys(needs.pollutants).length > 0) {
    for (const [factor, needed] of Object.entries(needs.pollutants) as [PollutantKey, number][]) {
      if (needed > 0) gaps.push({ factor, name: POLLUTANTS[factor], needed, available: 0, gap: needed, unit: '吨/年' });
    }
  }
  const poolItems = factorPoolItems(pools, needs);
  for (const item of poolItems) {
    if (item.gap) gaps.push({ factor: `pool:${item.factor}`, name: `${item.name}（县级与市级统筹池）`, needed: item.needed!, available: round((item.countyBalance ?? 0) + (item.cityBalance ?? 0), 4), gap: item.gap, unit: item.unit });
  }
  return {
    stockLand: {
      county: context.county?.name ?? null,
      parcels: stock.parcels,
      m2: round(stock.m2),
      mu: round(stockMu, 2),
      neededMu,
      gapMu: gapMu === null ? null : round(gapMu, 2),
      note: '存量土地（批而未供、闲置、储备）图层中位于该县级行政区的地块合计；已分配给项目的地块尚未扣除（项目管理模块建成后扣减）',
    },
    controlUnit: unit && items ? { code: unit.code, name: unit.name, items } : null,
    gaps,
    factorPools: context.county ? { year: pools.year, county: context.county.name, items: poolItems } : null,
    factorPoolsNote: context.county
      ? `要素池余额取自要素保障台账（${pools.year} 年）：先用${context.county.name}本级账户，不足部分由市级统筹池保障（办法第十五、十七条）；余额为当前数，尚未扣除审批中的分配方案`
      : '选址不在任何县级行政区内，无法核对县级要素池',
  };
}
