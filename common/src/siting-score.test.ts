import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, normaliseWeights, scoreCandidate, type CandidateMeasures } from './siting-score.ts';

// A 200 m × 200 m square (40 000 m², perimeter 800 m) in a matching park, 1 km from a road, in a county
// with 300 亩 of stock land for a 60 亩 need, in a 重点管控单元, with no conflicts.
const base: CandidateMeasures = {
  industry: { asked: 'C36', park: { name: '新能源汽车产业园', match: true }, zone: { name: '经济技术开发区', match: true } },
  conflicts: { adjustCount: 0, adjustShare: 0, worst: null },
  road: { distanceM: 1000, name: '国道309线' },
  capacity: { county: '东昌府区', countyStockMu: 300, needMu: 60, unit: { name: '开发区重点管控单元', category: '重点管控单元' } },
  shape: { areaM2: 40_000, perimeterM: 800 },
};
const byCriterion = (r: ReturnType<typeof scoreCandidate>) => Object.fromEntries(r.contributions.map((c) => [c.criterion, c]));

describe('scoreCandidate', () => {
  it('scores each criterion as worked out by hand', () => {
    const r = scoreCandidate(base, DEFAULT_WEIGHTS);
    const c = byCriterion(r);
    expect(c.industry).toMatchObject({ weight: 0.3, value: 1, points: 30 });
    expect(c.conflicts).toMatchObject({ weight: 0.25, value: 1, points: 25 });
    // road: 1 − 1000/5000 = 0.8 → 0.15 × 0.8 × 100 = 12
    expect(c.road).toMatchObject({ value: 0.8, points: 12 });
    expect(c.road!.reason).toBe('距“国道309线” 1000 米');
    // capacity: land (300 − 60)/(4 × 60) = 1, unit 重点管控单元 = 1 → 1 → 15
    expect(c.capacity).toMatchObject({ value: 1, points: 15 });
    expect(c.capacity!.reason).toBe('东昌府区存量土地 300.0 亩，为需求的 5.0 倍；位于开发区重点管控单元（重点管控单元）');
    // compactness: 4π·40000/800² = π/4 → value 1 → 15
    expect(c.compactness).toMatchObject({ value: 1, points: 15 });
    expect(r.score).toBe(97);
  });

  it('scores the weaker cases by hand', () => {
    const m: CandidateMeasures = {
      industry: { asked: 'C36', park: { name: '纺织产业园', match: false }, zone: { name: '经济技术开发区', match: true } },
      conflicts: { adjustCount: 1, adjustShare: 0.2, worst: '文物保护范围' },
      road: { distanceM: 6000, name: null },
      capacity: { county: '冠县', countyStockMu: 150, needMu: 100, unit: { name: '一般管控单元甲', category: '一般管控单元' } },
      // 400 m × 100 m: 4π·40000/1000² = 0.50265; ÷ (π/4) = 0.64
      shape: { areaM2: 40_000, perimeterM: 1000 },
    };
    const c = byCriterion(scoreCandidate(m, DEFAULT_WEIGHTS));
    expect(c.industry).toMatchObject({ value: 0.7, points: 21 });
    expect(c.industry!.reason).toContain('位于经济技术开发区');
    // 0.5 × (1 − 0.2) = 0.4 → 0.25 × 0.4 × 100 = 10
    expect(c.conflicts).toMatchObject({ value: 0.4, points: 10 });
    expect(c.conflicts!.reason).toBe('有 1 项需调整的冲突，涉及选址面积 20.0%：文物保护范围');
    expect(c.road).toMatchObject({ value: 0, points: 0 });
    expect(c.road!.reason).toContain('超过 5000 米不得分');
    // land (150 − 100)/(4 × 100) = 0.125, unit 0.6 → 0.3625 → 5.4375 → 5.44
    expect(c.capacity).toMatchObject({ value: 0.3625, points: 5.44 });
    expect(c.compactness).toMatchObject({ value: 0.64, points: 9.6 });
    // 21 + 10 + 0 + 5.4375 + 9.6 = 46.0375
    expect(scoreCandidate(m, DEFAULT_WEIGHTS).score).toBe(46);
  });

  it('gives no industry points outside parks, and 0.2 in a park of other industries', () => {
    const outside = byCriterion(scoreCandidate({ ...base, industry: { asked: 'C36', park: null, zone: null } }, DEFAULT_WEIGHTS));
    expect(outside.industry).toMatchObject({ value: 0, points: 0, reason: '不在任何产业园区或开发区内' });
    const other = byCriterion(scoreCandidate({ ...base, industry: { asked: 'C36', park: { name: '造纸产业园', match: false }, zone: null } }, DEFAULT_WEIGHTS));
    expect(other.industry).toMatchObject({ value: 0.2, points: 6 });
  });
});

describe('normaliseWeights', () => {
  it('normalises to a sum of 1', () => {
    const r = normaliseWeights({ industry: 2, conflicts: 1, road: 1, capacity: 0, compactness: 0 }, true);
    expect(r).toEqual({ weights: { industry: 0.5, conflicts: 0.25, road: 0.25, capacity: 0, compactness: 0 } });
  });

  it('drops the industry weight when no industry is asked and renormalises the rest', () => {
    const r = normaliseWeights(undefined, false);
    // 0.25 + 0.15 × 3 = 0.7
    expect('weights' in r && r.weights.conflicts).toBeCloseTo(0.25 / 0.7, 12);
    expect('weights' in r && r.weights.industry).toBe(0);
  });

  it('refuses all-zero weights', () => {
    expect(normaliseWeights({ industry: 0, conflicts: 0, road: 0, capacity: 0, compactness: 0 }, true)).toEqual({ error: '各项权重不能全为零' });
    expect(normaliseWeights({ conflicts: 0, road: 0, capacity: 0, compactness: 0 }, false)).toEqual({ error: '未指定产业时产业匹配不计分，其余权重不能全为零' });
  });
});
