/**
 * The multi-criteria score of a recommended site (issue 4 item 4), pure so that the client shows the
 * same figures and the unit tests check them by hand. Each criterion yields a value in [0, 1]; the
 * weights are normalised to sum 1; a criterion's points are 100 × weight × value and the score is
 * their sum (0–100).
 */
export const CRITERIA = {
  industry: '产业匹配',
  conflicts: '管控冲突',
  road: '道路可达',
  capacity: '要素容量',
  compactness: '形状紧凑',
} as const;
export type Criterion = keyof typeof CRITERIA;
export const CRITERION_KEYS = Object.keys(CRITERIA) as Criterion[];
export type Weights = Record<Criterion, number>;

export const DEFAULT_WEIGHTS: Weights = { industry: 0.3, conflicts: 0.25, road: 0.15, capacity: 0.15, compactness: 0.15 };

/** Distance to a main road at which the road criterion reaches 0 (linear from 1 at the road). */
export const ROAD_REFERENCE_M = 5000;
/** County stock land at (1 + this) × the need gives the land half of the capacity criterion full marks. */
export const LAND_SURPLUS_FOR_FULL = 4;
/** Environmental half of the capacity criterion by control-unit category (三线一单). */
export const UNIT_CATEGORY_VALUE: Record<string, number> = { 重点管控单元: 1, 一般管控单元: 0.6, 优先保护单元: 0 };
export const UNIT_UNKNOWN_VALUE = 0.3;
export const UNIT_OTHER_VALUE = 0.5;
/** Industry value when the project's industry matches only the development zone, or neither. */
export const INDUSTRY_ZONE_MATCH = 0.7;
export const INDUSTRY_NO_MATCH = 0.2;

export interface IndustryArea {
  name: string;
  /** Whether its leading industries cover the project's industry. */
  match: boolean;
}

/** What the server measured for one candidate; everything the score needs. */
export interface CandidateMeasures {
  industry: { asked: string | null; park: IndustryArea | null; zone: IndustryArea | null };
  /** Findings of severity adjust (forbidden candidates never reach the score): share of the site they cover. */
  conflicts: { adjustCount: number; adjustShare: number; worst: string | null };
  road: { distanceM: number; name: string | null } | null;
  capacity: { county: string | null; countyStockMu: number; needMu: number; unit: { name: string; category: string | null } | null };
  shape: { areaM2: number; perimeterM: number };
}

export interface Contribution {
  criterion: Criterion;
  name: string;
  weight: number;
  value: number;
  points: number;
  reason: string;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * Normalised weights, or a Chinese reason why there are none. Without a requested industry the
 * industry criterion cannot tell candidates apart: its weight is set to 0 and the rest renormalised.
 */
export function normaliseWeights(input: Partial<Weights> | undefined, industryAsked: boolean): { weights: Weights } | { error: string } {
  const raw: Weights = { ...DEFAULT_WEIGHTS, ...(input ?? {}) };
  if (!industryAsked) raw.industry = 0;
  const sum = CRITERION_KEYS.reduce((s, k) => s + raw[k], 0);
  if (!(sum > 0)) {
    return { error: industryAsked ? '各项权重不能全为零' : '未指定产业时产业匹配不计分，其余权重不能全为零' };
  }
  const weights = Object.fromEntries(CRITERION_KEYS.map((k) => [k, raw[k] / sum])) as Weights;
  return { weights };
}

export function criterionValue(criterion: Criterion, m: CandidateMeasures): { value: number; reason: string } {
  switch (criterion) {
    case 'industry': {
      const { asked, park, zone } = m.industry;
      if (!asked) return { value: 0, reason: '未指定产业，此项不计分' };
      if (park?.match) return { value: 1, reason: `位于${park.name}，主导产业与“${asked}”相符` };
      if (zone?.match) return { value: INDUSTRY_ZONE_MATCH, reason: `${park ? `所在${park.name}主导产业不含“${asked}”，但` : ''}位于${zone.name}，其主导产业与“${asked}”相符` };
      const area = park ?? zone;
      if (area) return { value: INDUSTRY_NO_MATCH, reason: `位于${area.name}，但主导产业与“${asked}”不符` };
      return { value: 0, reason: '不在任何产业园区或开发区内' };
    }
    case 'conflicts': {
      const { adjustCount, adjustShare, worst } = m.conflicts;
      if (adjustCount === 0) return { value: 1, reason: '未触及刚性或弹性管控图层' };
      const share = clamp01(adjustShare);
      return { value: 0.5 * (1 - share), reason: `有 ${adjustCount} 项需调整的冲突，涉及选址面积 ${pct(share)}${worst ? `：${worst}` : ''}` };
    }
    case 'road': {
      if (!m.road) return { value: 0, reason: '主要道路图层无数据，无法评价' };
      const d = m.road.distanceM;
      const value = clamp01(1 - d / ROAD_REFERENCE_M);
      const road = m.road.name ? `“${m.road.name}”` : '最近的主要道路';
      return { value, reason: d === 0 ? `${road}穿过地块` : `距${road} ${Math.round(d)} 米${value === 0 ? `（超过 ${ROAD_REFERENCE_M} 米不得分）` : ''}` };
    }
    case 'capacity': {
      const { county, countyStockMu, needMu, unit } = m.capacity;
      const land = clamp01((countyStockMu - needMu) / (LAND_SURPLUS_FOR_FULL * needMu));
      const category = unit?.category ?? null;
      const env = !unit ? UNIT_UNKNOWN_VALUE : category !== null && category in UNIT_CATEGORY_VALUE ? UNIT_CATEGORY_VALUE[category]! : UNIT_OTHER_VALUE;
      const ratio = needMu > 0 ? countyStockMu / needMu : 0;
      const landText = `${county ?? '所在县区'}存量土地 ${countyStockMu.toFixed(1)} 亩，为需求的 ${ratio.toFixed(1)} 倍`;
      const unitText = unit ? `位于${unit.name}（${category ?? '类别不明'}）` : '不在任何环境管控单元内';
      return { value: (land + env) / 2, reason: `${landText}；${unitText}` };
    }
    case 'compactness': {
      const { areaM2, perimeterM } = m.shape;
      const pp = perimeterM > 0 ? (4 * Math.PI * areaM2) / (perimeterM * perimeterM) : 0;
      // A square scores π/4 on Polsby-Popper: squares and rounder shapes get full marks.
      const value = clamp01(pp / (Math.PI / 4));
      return { value, reason: `紧凑度（4πA/P²）${pp.toFixed(3)}，正方形为 0.785${value < 0.6 ? '，形状狭长或破碎' : ''}` };
    }
  }
}

/** The score (0–100, one decimal) and each criterion's contribution, in CRITERION_KEYS order. */
export function scoreCandidate(m: CandidateMeasures, weights: Weights): { score: number; contributions: Contribution[] } {
  const exact = CRITERION_KEYS.map((criterion) => ({ criterion, ...criterionValue(criterion, m) }));
  // Summed from unrounded values; weights, values and points are rounded for display only.
  const score = exact.reduce((s, c) => s + 100 * weights[c.criterion] * c.value, 0);
  const contributions = exact.map(({ criterion, value, reason }) => ({
    criterion, name: CRITERIA[criterion], weight: round(weights[criterion], 4), value: round(value, 4), points: round(100 * weights[criterion] * value, 2), reason,
  }));
  return { score: round(score, 1), contributions };
}
