/**
 * Which kinds of key project (重点项目) a project is, from its attributes: 《聊城市重点项目推进全周期服务办法(试行)》
 * Art. 2 (seven categories, a project may match several), and which project libraries (Art. 6) it belongs in.
 * Pure code: the project form and the server compute the same result.
 *
 * Thresholds are the seed's own figures. "以上" includes the figure itself (the usual reading in Chinese
 * regulations, cf. 《民法典》第一千二百五十九条), so every comparison is ≥.
 *   (三) 新招引的投资5亿元以上            → 招商引资 and total investment ≥ 50 000 万元, or 跨县域招商引资
 *   (四) 年度新增投资总额3000万美元以上，且年度以现金形式缴付1000万美元以上注册资本
 *                                          → annual new investment ≥ US$30M and cash registered capital ≥ US$10M
 *   (五) 新谋划投资20亿元以上              → total investment ≥ 200 000 万元
 */

export type ProjectType = '政府投资' | '社会投资' | '招商引资';

export interface ProjectAttributes {
  type: ProjectType;
  /** 国民经济行业分类 (GB/T 4754) code. */
  industryCode?: string | null;
  strategicEmerging?: boolean;
  /** Total investment, 万元. */
  investmentWan?: number | null;
  /** Foreign investment: annual new investment, million US$. */
  foreignAnnualNewUsdM?: number | null;
  /** Foreign investment: registered capital paid in cash this year, million US$. */
  foreignCashRegisteredUsdM?: number | null;
  fundingSources?: string[];
  /** Art. 2 (二): listed as a key project by the province or the city (their annual key-project lists); null = not listed. */
  keyProjectLevel?: '省级' | '市级' | null;
  /** Art. 2 (三): an attracted project that spans more than one county-level unit (跨县域招商引资). */
  crossCounty?: boolean;
  /** Art. 2 (七): the city command has decided the project needs city-level promotion. */
  cityPromotion?: boolean;
}

export interface ProjectCategory {
  category: string;
  reason: string;
}

export interface MissingAttribute {
  field: string;
  label: string;
  why: string;
}

/** Art. 2's seven categories, in the article's order. */
export const CATEGORIES = [
  { clause: '（一）', category: '政策性资金项目', text: '中央预算内项目、地方政府专项债项目、国债项目等政策性资金项目' },
  { clause: '（二）', category: '省市级重点项目', text: '省市级重点项目' },
  { clause: '（三）', category: '重大招商引资项目', text: '新招引的投资5亿元以上或跨县域招商引资项目' },
  { clause: '（四）', category: '重点外资项目', text: '年度新增投资总额3000万美元以上，且年度以现金形式缴付1000万美元以上注册资本的重点外资项目' },
  { clause: '（五）', category: '新谋划重大项目', text: '新谋划投资20亿元以上的重大项目' },
  { clause: '（六）', category: '战略性新兴产业项目', text: '能带动区域经济社会发展的战略性新兴产业项目' },
  { clause: '（七）', category: '其他需要市级推进的项目', text: '其他需要市级推进的项目' },
] as const;

/** The Art. 2 thresholds in the units the attributes use. */
export const THRESHOLDS = {
  /** (三) 5 亿元 */
  attractedInvestmentWan: 50_000,
  /** (四) 3000 万美元 */
  foreignAnnualNewUsdM: 30,
  /** (四) 1000 万美元 */
  foreignCashRegisteredUsdM: 10,
  /** (五) 20 亿元 */
  majorInvestmentWan: 200_000,
} as const;

/**
 * (一) funding sources that make a project a 政策性资金项目: 中央预算内, 地方政府专项债, 国债 (incl. 超长期特别国债),
 * "等" read as other policy instruments (政策性开发性金融工具). Local budget money, loans and own funds are not.
 */
export const POLICY_FUNDING_KEYWORDS = ['中央预算内', '专项债', '国债', '政策性'] as const;

export function isPolicyFunding(source: string): boolean {
  return POLICY_FUNDING_KEYWORDS.some((k) => source.includes(k));
}

/** 12000 → "12 000", 1234.5 → "1 234.5" (at most two decimals, groups of three separated by a space). */
export function formatAmount(n: number): string {
  const [int, frac] = (Math.round(n * 100) / 100).toString().split('.');
  const sign = int!.startsWith('-') ? '-' : '';
  const digits = int!.replace('-', '');
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${grouped}${frac ? `.${frac}` : ''}`;
}

const wan = (n: number) => `${formatAmount(n)} 万元`;
/** million US$ → 万美元 (1 million = 100 万). */
const usdWan = (m: number) => `${formatAmount(m * 100)} 万美元`;
const known = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
const art = (i: number) => `第二条${CATEGORIES[i]!.clause}`;

export function classifyProject(a: ProjectAttributes): { categories: ProjectCategory[]; missing: MissingAttribute[] } {
  const categories: ProjectCategory[] = [];
  const missing: MissingAttribute[] = [];
  const add = (i: number, reason: string) => categories.push({ category: CATEGORIES[i]!.category, reason: `${art(i)}：${reason}` });
  const attracted = a.type === '招商引资';

  // (一) policy funds
  if (a.fundingSources === undefined) {
    missing.push({ field: 'fundingSources', label: '资金来源', why: `判断${art(0)}（政策性资金项目）需要资金来源` });
  } else {
    const policy = a.fundingSources.filter(isPolicyFunding);
    if (policy.length > 0) add(0, `资金来源含${policy.join('、')}（政策性资金）`);
  }

  // (二) provincial / city key project (a designation from the lists; absent means not listed, not unknown)
  if (a.keyProjectLevel) add(1, `列入${a.keyProjectLevel}重点项目`);

  // (三) newly attracted ≥ 5 亿元 or cross-county attraction
  const inv = a.investmentWan;
  if (attracted) {
    if (known(inv) && inv >= THRESHOLDS.attractedInvestmentWan) add(2, `招商引资项目总投资 ${wan(inv)} ≥ ${wan(THRESHOLDS.attractedInvestmentWan)}（5 亿元）`);
    else if (a.crossCounty) add(2, '跨县域招商引资项目');
    else if (a.crossCounty === undefined) missing.push({ field: 'crossCounty', label: '是否跨县域招商引资', why: `总投资${known(inv) ? '不足 5 亿元' : '未填'}时，判断${art(2)}需要知道是否跨县域招商引资` });
  }

  // (四) key foreign-funded: both figures at or above their thresholds
  const fNew = a.foreignAnnualNewUsdM;
  const fCash = a.foreignCashRegisteredUsdM;
  if (known(fNew) && known(fCash)) {
    if (fNew >= THRESHOLDS.foreignAnnualNewUsdM && fCash >= THRESHOLDS.foreignCashRegisteredUsdM) {
      add(3, `年度新增投资 ${usdWan(fNew)} ≥ ${usdWan(THRESHOLDS.foreignAnnualNewUsdM)}，且年度现金缴付注册资本 ${usdWan(fCash)} ≥ ${usdWan(THRESHOLDS.foreignCashRegisteredUsdM)}`);
    }
  } else if (attracted || known(fNew) || known(fCash)) {
    const why = `判断${art(3)}（重点外资项目）需要年度新增投资和年度现金缴付注册资本两项`;
    if (!known(fNew)) missing.push({ field: 'foreignAnnualNewUsdM', label: '外资年度新增投资（百万美元）', why });
    if (!known(fCash)) missing.push({ field: 'foreignCashRegisteredUsdM', label: '外资年度现金缴付注册资本（百万美元）', why });
  }

  // (五) newly planned ≥ 20 亿元
  if (known(inv)) {
    if (inv >= THRESHOLDS.majorInvestmentWan) add(4, `总投资 ${wan(inv)} ≥ ${wan(THRESHOLDS.majorInvestmentWan)}（20 亿元）`);
  } else {
    missing.push({ field: 'investmentWan', label: '总投资（万元）', why: attracted ? `判断${art(2)}（5 亿元）和${art(4)}（20 亿元）需要总投资` : `判断${art(4)}（20 亿元）需要总投资` });
  }

  // (六) strategic emerging industry
  const code = a.industryCode?.trim() || null;
  if (a.strategicEmerging) add(5, `属于战略性新兴产业${code ? `（行业代码 ${code}）` : ''}`);
  else if (a.strategicEmerging === undefined) missing.push({ field: 'strategicEmerging', label: '是否战略性新兴产业', why: `判断${art(5)}需要该项` });
  if (!code) missing.push({ field: 'industryCode', label: '行业（国民经济行业分类代码）', why: `判断${art(5)}（战略性新兴产业）和产业准入需要行业代码` });

  // (七) decided by the city
  if (a.cityPromotion) add(6, '市级确定需要推进');

  return { categories, missing };
}

/** The project libraries of Art. 6. */
export const LIBRARIES = ['省重点项目库', '市重点项目库', '县重点项目库', '招商项目库', '政策性资金项目库', '要素保障库'] as const;
export type Library = (typeof LIBRARIES)[number];

/** Stages before the reserve: a project there is not yet under full-cycle management (Art. 13). */
const PLANNING_STAGES: readonly string[] = ['谋划', '策划生成中'];
/** Stages that have left the libraries. */
const EXITED_STAGES: readonly string[] = ['终止', '调出'];

/**
 * The libraries a project should be in — a suggestion the command confirms (libraries are adjusted quarterly,
 * Art. 23 一季一调整). Our reading of the document:
 *  - 省/市/县重点项目库: a project listed by the province (Art. 2 (二) 省级) → 省 and 市; any other project matching an
 *    Art. 2 category is a key project of the city (the 办法 is the city's) → 市; the rest → the county's own library.
 *    Only once 策划生成 has passed (Art. 11 纳入储备, Art. 13).
 *  - 招商项目库: investment-attraction projects (Art. 9), from planning on (the attraction pipeline).
 *  - 政策性资金项目库: Art. 2 (一) applies, once 策划生成 has passed.
 *  - 要素保障库: a reserve (or later) project with a factor need (Art. 14-15 入库 by need).
 * With no stage given, the stage conditions are not applied.
 */
export function suggestedLibraries(a: ProjectAttributes, categories: readonly ProjectCategory[], context: { stage?: string; needs?: Record<string, number | null | undefined> } = {}): Library[] {
  const { stage, needs } = context;
  if (stage && EXITED_STAGES.includes(stage)) return [];
  const planning = stage !== undefined && PLANNING_STAGES.includes(stage);
  const has = (category: string) => categories.some((c) => c.category === category);
  const out: Library[] = [];
  if (!planning) {
    if (a.keyProjectLevel === '省级') out.push('省重点项目库', '市重点项目库');
    else if (categories.length > 0) out.push('市重点项目库');
    else out.push('县重点项目库');
  }
  if (a.type === '招商引资') out.push('招商项目库');
  if (!planning && has(CATEGORIES[0].category)) out.push('政策性资金项目库');
  if (!planning && needs && Object.values(needs).some((v) => typeof v === 'number' && v > 0)) out.push('要素保障库');
  return out;
}
