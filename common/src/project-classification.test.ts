import { describe, expect, it } from 'vitest';
import { classifyProject, formatAmount, isPolicyFunding, suggestedLibraries, type ProjectAttributes } from './project-classification.ts';

// A complete social-investment project that matches nothing.
const plain: ProjectAttributes = {
  type: '社会投资',
  industryCode: 'C3670',
  strategicEmerging: false,
  investmentWan: 12_000,
  foreignAnnualNewUsdM: null,
  foreignCashRegisteredUsdM: null,
  fundingSources: ['自筹', '银行贷款'],
};
const cats = (a: ProjectAttributes) => classifyProject(a).categories;
const names = (a: ProjectAttributes) => cats(a).map((c) => c.category);
const missingFields = (a: ProjectAttributes) => classifyProject(a).missing.map((m) => m.field);

describe('classifyProject (Art. 2)', () => {
  it('finds no category and nothing missing for a complete ordinary project', () => {
    expect(classifyProject(plain)).toEqual({ categories: [], missing: [] });
  });

  it('(一) policy funding sources', () => {
    expect(cats({ ...plain, fundingSources: ['自筹', '中央预算内投资', '超长期特别国债'] })).toEqual([
      { category: '政策性资金项目', reason: '第二条（一）：资金来源含中央预算内投资、超长期特别国债（政策性资金）' },
    ]);
    expect(names({ ...plain, fundingSources: ['地方政府专项债券'] })).toEqual(['政策性资金项目']);
    expect(names({ ...plain, fundingSources: ['地方财政资金', '外资'] })).toEqual([]);
    expect(isPolicyFunding('政策性开发性金融工具')).toBe(true);
    expect(isPolicyFunding('银行贷款')).toBe(false);
    expect(missingFields({ ...plain, fundingSources: undefined })).toEqual(['fundingSources']);
  });

  it('(二) provincial or city key project', () => {
    expect(cats({ ...plain, keyProjectLevel: '省级' })).toEqual([{ category: '省市级重点项目', reason: '第二条（二）：列入省级重点项目' }]);
    expect(cats({ ...plain, keyProjectLevel: '市级' })[0]!.reason).toBe('第二条（二）：列入市级重点项目');
    expect(names({ ...plain, keyProjectLevel: null })).toEqual([]);
  });

  it('(三) attracted at, below and above 50 000 万元', () => {
    const attracted: ProjectAttributes = { ...plain, type: '招商引资', foreignAnnualNewUsdM: 0, foreignCashRegisteredUsdM: 0, crossCounty: false };
    expect(cats({ ...attracted, investmentWan: 50_000 })).toEqual([{ category: '重大招商引资项目', reason: '第二条（三）：招商引资项目总投资 50 000 万元 ≥ 50 000 万元（5 亿元）' }]);
    expect(cats({ ...attracted, investmentWan: 60_000 })[0]!.reason).toBe('第二条（三）：招商引资项目总投资 60 000 万元 ≥ 50 000 万元（5 亿元）');
    expect(names({ ...attracted, investmentWan: 49_999.99 })).toEqual([]);
    // cross-county counts whatever the amount
    expect(cats({ ...attracted, investmentWan: 8_000, crossCounty: true })).toEqual([{ category: '重大招商引资项目', reason: '第二条（三）：跨县域招商引资项目' }]);
    // a social investment of 60 000 万元 is not "新招引"
    expect(names({ ...plain, investmentWan: 60_000 })).toEqual([]);
    // below the threshold and cross-county unknown → flagged
    const m = classifyProject({ ...attracted, investmentWan: 8_000, crossCounty: undefined }).missing;
    expect(m).toEqual([{ field: 'crossCounty', label: '是否跨县域招商引资', why: '总投资不足 5 亿元时，判断第二条（三）需要知道是否跨县域招商引资' }]);
    expect(missingFields({ ...attracted, investmentWan: 50_000, crossCounty: undefined })).toEqual([]);
  });

  it('(四) foreign-funded: both figures at, below and above their thresholds', () => {
    const f = (n: number | null, c: number | null): ProjectAttributes => ({ ...plain, type: '招商引资', investmentWan: 20_000, crossCounty: false, foreignAnnualNewUsdM: n, foreignCashRegisteredUsdM: c });
    expect(cats(f(30, 10))).toEqual([
      { category: '重点外资项目', reason: '第二条（四）：年度新增投资 3 000 万美元 ≥ 3 000 万美元，且年度现金缴付注册资本 1 000 万美元 ≥ 1 000 万美元' },
    ]);
    expect(cats(f(35.5, 12))[0]!.reason).toBe('第二条（四）：年度新增投资 3 550 万美元 ≥ 3 000 万美元，且年度现金缴付注册资本 1 200 万美元 ≥ 1 000 万美元');
    // "且": one below is enough to miss
    expect(names(f(29.99, 50))).toEqual([]);
    expect(names(f(80, 9.99))).toEqual([]);
    // missing figures flagged for an attracted project, or when one of the two is given
    expect(missingFields(f(null, null))).toEqual(['foreignAnnualNewUsdM', 'foreignCashRegisteredUsdM']);
    expect(missingFields({ ...plain, foreignAnnualNewUsdM: 40 })).toEqual(['foreignCashRegisteredUsdM']);
    expect(missingFields({ ...plain, foreignAnnualNewUsdM: undefined, foreignCashRegisteredUsdM: undefined })).toEqual([]);
  });

  it('(五) newly planned at, below and above 200 000 万元', () => {
    expect(cats({ ...plain, investmentWan: 200_000 })).toEqual([{ category: '新谋划重大项目', reason: '第二条（五）：总投资 200 000 万元 ≥ 200 000 万元（20 亿元）' }]);
    expect(cats({ ...plain, investmentWan: 1_234_567.8 })[0]!.reason).toBe('第二条（五）：总投资 1 234 567.8 万元 ≥ 200 000 万元（20 亿元）');
    expect(names({ ...plain, investmentWan: 199_999 })).toEqual([]);
    // 20 亿 attracted → both (三) and (五)
    expect(names({ ...plain, type: '招商引资', investmentWan: 250_000, foreignAnnualNewUsdM: 0, foreignCashRegisteredUsdM: 0 })).toEqual(['重大招商引资项目', '新谋划重大项目']);
    expect(classifyProject({ ...plain, investmentWan: null }).missing).toEqual([{ field: 'investmentWan', label: '总投资（万元）', why: '判断第二条（五）（20 亿元）需要总投资' }]);
    expect(classifyProject({ ...plain, type: '招商引资', investmentWan: null, foreignAnnualNewUsdM: 0, foreignCashRegisteredUsdM: 0, crossCounty: false }).missing).toEqual([
      { field: 'investmentWan', label: '总投资（万元）', why: '判断第二条（三）（5 亿元）和第二条（五）（20 亿元）需要总投资' },
    ]);
  });

  it('(六) strategic emerging industry, with the industry code', () => {
    expect(cats({ ...plain, strategicEmerging: true })).toEqual([{ category: '战略性新兴产业项目', reason: '第二条（六）：属于战略性新兴产业（行业代码 C3670）' }]);
    expect(missingFields({ ...plain, strategicEmerging: true, industryCode: null })).toEqual(['industryCode']);
    expect(missingFields({ ...plain, strategicEmerging: undefined })).toEqual(['strategicEmerging']);
  });

  it('(七) decided by the city', () => {
    expect(cats({ ...plain, cityPromotion: true })).toEqual([{ category: '其他需要市级推进的项目', reason: '第二条（七）：市级确定需要推进' }]);
  });

  it('lists several categories in the article’s order', () => {
    const a: ProjectAttributes = { type: '政府投资', industryCode: 'N7721', strategicEmerging: true, investmentWan: 210_000, fundingSources: ['地方政府专项债券'], keyProjectLevel: '市级', cityPromotion: true };
    expect(names(a)).toEqual(['政策性资金项目', '省市级重点项目', '新谋划重大项目', '战略性新兴产业项目', '其他需要市级推进的项目']);
  });

  it('formats amounts with grouped thousands', () => {
    expect(formatAmount(12_000)).toBe('12 000');
    expect(formatAmount(999)).toBe('999');
    expect(formatAmount(1_000_000.456)).toBe('1 000 000.46');
    expect(formatAmount(-50_000)).toBe('-50 000');
  });
});

describe('suggestedLibraries (Art. 6)', () => {
  const lib = (a: ProjectAttributes, stage?: string, needs?: Record<string, number>) => suggestedLibraries(a, classifyProject(a).categories, { stage, needs });
  it('puts key projects in the city library and the rest in the county’s', () => {
    expect(lib({ ...plain, investmentWan: 250_000 }, '储备')).toEqual(['市重点项目库']);
    expect(lib(plain, '储备')).toEqual(['县重点项目库']);
    expect(lib({ ...plain, keyProjectLevel: '省级' }, '在建')).toEqual(['省重点项目库', '市重点项目库']);
  });
  it('adds 招商, 政策性资金 and 要素保障 libraries', () => {
    const a: ProjectAttributes = { ...plain, type: '招商引资', investmentWan: 60_000, fundingSources: ['中央预算内投资'], foreignAnnualNewUsdM: 0, foreignCashRegisteredUsdM: 0 };
    expect(lib(a, '储备', { landMu: 80, energyTce: 0 })).toEqual(['市重点项目库', '招商项目库', '政策性资金项目库', '要素保障库']);
    expect(lib(a, '储备', { landMu: 0 })).toEqual(['市重点项目库', '招商项目库', '政策性资金项目库']);
    // before the reserve only the attraction pipeline; after an exit nothing
    expect(lib(a, '策划生成中', { landMu: 80 })).toEqual(['招商项目库']);
    expect(lib(a, '调出', { landMu: 80 })).toEqual([]);
    // no stage given: stage conditions not applied
    expect(lib(a, undefined, { landMu: 80 })).toEqual(['市重点项目库', '招商项目库', '政策性资金项目库', '要素保障库']);
  });
});
