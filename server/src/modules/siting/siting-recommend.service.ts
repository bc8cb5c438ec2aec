import type { Knex } from 'knex';
import type { z } from 'zod';
import type { SitingFinding } from '../../../../common/src/siting.ts';
import type { RecommendCandidate, RecommendDropped, RecommendResult, recommendRequestSchema } from '../../../../common/src/siting-recommend.ts';
import { normaliseWeights, scoreCandidate, type CandidateMeasures, type Weights } from '../../../../common/src/siting-score.ts';
import { m2ToMu, muToM2 } from '../../../../common/src/units.ts';
import { badRequest } from '../../http/app-error.ts';
import { assertCan } from '../../policy/access.policy.ts';
import type { Actor } from '../../policy/actor.ts';
import { SEVERITY_ORDER, type SitingRule } from './siting-rules.ts';
import { activeRules } from './siting-rules.repository.ts';
import * as repo from './siting-recommend.repository.ts';
import { industryMatches, type SitingService } from './siting.service.ts';

type Request = z.output<typeof recommendRequestSchema>;

/** A parcel of at least this share of the need is a candidate (a 95 % parcel may still be offered). */
export const MIN_SHARE = 0.95;
/** Up to this share of the need a parcel is offered whole; a larger one is cut to the need. */
export const WHOLE_MAX_SHARE = 1.2;

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

interface Scored {
  candidate: Omit<RecommendCandidate, 'rank'>;
}

/**
 * Recommended sites from stock land (issue 4 item 4). Every valid stock-land parcel of the county (or all
 * counties) that is large enough becomes one candidate: whole, or a compact part cut to the needed area.
 * Candidates overlapping a forbidden constraint (生态保护红线, 永久基本农田, 水源一级保护区 …) are DROPPED,
 * not ranked last: a recommendation is a site the planner may take, and a forbidden one never is. How
 * many were dropped, and why, is part of the answer. The rest are scored (common/src/siting-score.ts)
 * and ordered by score, then parcel id.
 */
export class SitingRecommendService {
  constructor(
    private readonly db: Knex,
    private readonly siting: SitingService,
  ) {}

  async recommend(actor: Actor, input: Request): Promise<RecommendResult> {
    assertCan(actor, 'siting.use', '精准选址');
    const industry = input.industry ?? null;
    const normalised = normaliseWeights(input.weights, industry !== null);
    if ('error' in normalised) throw badRequest(normalised.error);
    const weights = normalised.weights;
    const county = input.county ? await repo.countyName(this.db, input.county) : null;
    if (input.county && !county) throw badRequest(`未知的县级行政区代码 ${input.county}：须为聊城市所辖县（市、区）的 6 位代码`);
    const excludeLayers = input.exclude?.layers ?? [];
    const excludeIds = input.exclude?.featureIds ?? [];
    const known = await repo.existingLayerKeys(this.db, excludeLayers);
    const unknown = excludeLayers.filter((k) => !known.includes(k));
    if (unknown.length) throw badRequest(`排除的图层不存在：${unknown.join('、')}`);

    const needM2 = muToM2(input.areaMu);
    const rules = await activeRules(this.db);
    const parcels = await repo.stockParcels(this.db);

    // Parcel filters, in order; each parcel is counted once, under the first filter that removes it.
    const counts = { invalid: 0, excludedParcel: 0, outsideCounty: 0, tooSmall: 0, excludedLayer: 0, forbidden: 0, tooFarFromRoad: 0 };
    const items: { id: number; mode: 'whole' | 'part'; epsg: number }[] = [];
    const countyStockM2 = new Map<string, number>();
    let smallest = Infinity;
    let largest = 0;
    for (const p of parcels) {
      if (!p.valid || p.m2 === null || p.epsg === null) { counts.invalid++; continue; }
      if (p.county) countyStockM2.set(p.county, (countyStockM2.get(p.county) ?? 0) + p.m2);
      if (excludeIds.includes(p.id)) { counts.excludedParcel++; continue; }
      if (county && p.county !== county.code) { counts.outsideCounty++; continue; }
      largest = Math.max(largest, p.m2);
      if (p.m2 < needM2 * MIN_SHARE) { counts.tooSmall++; smallest = Math.min(smallest, p.m2); continue; }
      items.push({ id: p.id, mode: p.m2 <= needM2 * WHOLE_MAX_SHARE ? 'whole' : 'part', epsg: p.epsg });
    }
    const parcelById = new Map(parcels.map((p) => [p.id, p]));

    const cuts = await repo.cutCandidates(this.db, items, needM2);
    const inputs = cuts.map((c) => ({ id: c.id, epsg: c.epsg, geometry: c.geometry }));
    const contexts = new Map((await repo.candidateContext(this.db, inputs, { layers: excludeLayers, featureIds: excludeIds })).map((c) => [c.id, c]));
    const findingRows = await repo.candidateFindings(this.db, inputs, rules);

    const scored: Scored[] = [];
    for (const cut of cuts) {
      const context = contexts.get(cut.id)!;
      if (context.excluded?.length) { counts.excludedLayer++; continue; }
      const findings = findingRows
        .filter((row) => row.sid === cut.id)
        .map((row) => this.siting.finding(row, cut.m2, rules))
        .filter((f): f is SitingFinding => f !== null)
        .sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || b.overlapM2 - a.overlapM2);
      if (findings.some((f) => f.severity === 'forbidden')) { counts.forbidden++; continue; }
      const road = context.road ? { name: context.road.name, distanceM: round(context.road.distance, 1) } : null;
      if (input.maxRoadDistanceM !== undefined && (!road || road.distanceM > input.maxRoadDistanceM)) { counts.tooFarFromRoad++; continue; }
      scored.push({ candidate: this.candidate(cut, parcelById.get(cut.id)!, context, findings, road, { industry, needM2, countyStockM2, weights, rules }) });
    }

    scored.sort((a, b) => b.candidate.score - a.candidate.score || a.candidate.id - b.candidate.id);
    const candidates = scored.slice(0, input.limit).map((s, i) => ({ rank: i + 1, ...s.candidate }));
    const dropped = droppedList(counts, { needMu: input.areaMu, smallestMu: m2ToMu(smallest), largestMu: m2ToMu(largest), county: county?.name ?? null, maxRoadDistanceM: input.maxRoadDistanceM ?? null });
    return {
      need: { areaMu: input.areaMu, areaM2: round(needM2), industry, county: county ?? null, maxRoadDistanceM: input.maxRoadDistanceM ?? null },
      weights: Object.fromEntries(Object.entries(weights).map(([k, v]) => [k, round(v, 4)])) as Weights,
      candidates,
      total: scored.length,
      parcels: parcels.length,
      dropped,
      explanation: explanation(parcels.length, scored.length, candidates.length, dropped),
      rules: {
        minShare: MIN_SHARE,
        wholeMaxShare: WHOLE_MAX_SHARE,
        forbidden: '与生态保护红线、永久基本农田、饮用水水源一级保护区等刚性约束有重叠的候选地块不予推荐（已剔除并计数），需调整的冲突计入评分',
        contain: `存量地块面积不小于需求的 ${MIN_SHARE * 100}% 才作为候选；不超过需求的 ${WHOLE_MAX_SHARE * 100}% 时整块推荐，更大的地块以其内部点为中心切出与需求面积相同（误差 0.05% 以内）的紧凑部分`,
      },
    };
  }

  private candidate(
    cut: repo.CutRow,
    parcel: repo.ParcelRow,
    context: repo.CandidateContextRow,
    findings: SitingFinding[],
    road: RecommendCandidate['road'],
    env: { industry: string | null; needM2: number; countyStockM2: Map<string, number>; weights: Weights; rules: readonly SitingRule[] },
  ): Omit<RecommendCandidate, 'rank'> {
    const areaOf = (layer: string) => {
      const f = context.parks?.find((p) => p.layer === layer);
      if (!f) return null;
      const match = industryMatches(env.industry ?? undefined, strings(f.properties.leadingIndustries), strings(f.properties.industryCodes));
      return { name: String(f.properties.name ?? ''), layer, industryMatch: match };
    };
    const park = areaOf('industrial-parks');
    const zone = areaOf('development-zones');
    const unitProps = context.control_unit?.properties;
    const controlUnit = unitProps ? { name: String(unitProps.name ?? ''), category: str(unitProps.category) } : null;
    const adjust = findings.filter((f) => f.severity === 'adjust');
    const measures: CandidateMeasures = {
      industry: { asked: env.industry, park: park ? { name: park.name, match: park.industryMatch === true } : null, zone: zone ? { name: zone.name, match: zone.industryMatch === true } : null },
      conflicts: { adjustCount: adjust.length, adjustShare: adjust.reduce((s, f) => s + f.share, 0), worst: adjust[0] ? adjust[0].layerName : null },
      road,
      capacity: {
        county: context.county?.name ?? null,
        countyStockMu: m2ToMu(context.county ? (env.countyStockM2.get(context.county.code) ?? 0) : 0),
        needMu: m2ToMu(env.needM2),
        unit: controlUnit,
      },
      shape: { areaM2: cut.m2, perimeterM: cut.perimeter_m },
    };
    const { score, contributions } = scoreCandidate(measures, env.weights);
    const verdict = this.siting.verdict(findings, env.rules);
    const props = parcel.properties;
    return {
      id: cut.id,
      parcel: { id: parcel.id, code: str(props.code), kind: str(props.kind), plannedUse: str(props.plannedUse), areaMu: round(m2ToMu(parcel.m2!), 2) },
      cut: cut.mode,
      geometry: cut.geometry,
      area: { m2: round(cut.m2), mu: round(m2ToMu(cut.m2), 2), epsg: cut.epsg },
      county: context.county,
      park: park ? { name: park.name, layer: park.layer, industryMatch: park.industryMatch } : null,
      zone: zone ? { name: zone.name, industryMatch: zone.industryMatch } : null,
      controlUnit,
      road,
      score,
      contributions,
      verdict: { result: verdict.result === 'adjust' ? 'adjust' : 'ok', rule: verdict.rule },
      findings: findings.filter((f) => f.severity !== 'info').slice(0, 3).map((f) => ({ layerName: f.layerName, severity: f.severity, message: f.message })),
    };
  }
}

function droppedList(
  counts: Record<RecommendDropped['reason'], number>,
  c: { needMu: number; smallestMu: number; largestMu: number; county: string | null; maxRoadDistanceM: number | null },
): RecommendDropped[] {
  const messages: Record<RecommendDropped['reason'], (n: number) => string> = {
    invalid: (n) => `${n} 个存量地块边界无效，未参与推荐`,
    excludedParcel: (n) => `${n} 个地块已按要求排除`,
    outsideCounty: (n) => `${n} 个地块不在${c.county ?? '所选县区'}`,
    tooSmall: (n) => `${n} 个地块面积不足需求 ${c.needMu} 亩的 ${MIN_SHARE * 100}%（不足 ${round(c.needMu * MIN_SHARE, 1)} 亩；范围内最大的地块 ${round(c.largestMu, 1)} 亩）`,
    excludedLayer: (n) => `${n} 个候选与排除的图层或要素重叠`,
    forbidden: (n) => `${n} 个候选与生态保护红线、永久基本农田等刚性约束重叠，禁止选址`,
    tooFarFromRoad: (n) => `${n} 个候选距主要道路超过 ${c.maxRoadDistanceM} 米`,
  };
  return (Object.keys(messages) as RecommendDropped['reason'][])
    .filter((reason) => counts[reason] > 0)
    .map((reason) => ({ reason, count: counts[reason], message: messages[reason](counts[reason]) }));
}

function explanation(parcels: number, total: number, shown: number, dropped: RecommendDropped[]): string {
  const why = dropped.map((d) => d.message).join('；');
  if (total === 0) return `没有符合条件的候选选址：存量土地图层共 ${parcels} 个地块，${why || '图层中没有地块'}。可放宽县区、距主干道距离或排除条件，或减小用地面积`;
  return `存量土地图层共 ${parcels} 个地块，符合条件的候选 ${total} 个${total > shown ? `，列出评分最高的 ${shown} 个` : ''}${why ? `；${why}` : ''}`;
}
