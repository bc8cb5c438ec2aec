/**
 * 策划生成 consultation: which departments review a submitted project, and the draft opinion each reviewer
 * starts from (《聊城市重点项目推进全周期服务办法》Art. 7 在线发起会商、反馈要素保障及初审意见; Art. 10 要素保障和
 * 政策把关; Art. 12 正式预审意见). Pure code; the server adds the departments the submitter picks by hand.
 *
 * Department codes as seeded (server/src/db/seeds/reference-data.ts): zrzy 自然资源和规划局, sthj 生态环境局,
 * fgw 发展改革委, czj 财政局, xzsp 行政审批服务局, tzcj 投资促进局, zjj 住建局, slj 水利局, gxj 工信局, wlj 文旅局.
 */
import { isPolicyFunding, type ProjectAttributes } from './project-classification.ts';
import { POLLUTANTS, type PollutantKey } from './siting.ts';
import { m2ToMu } from './units.ts';

export type FindingSeverity = 'forbidden' | 'adjust' | 'info';

export interface AssignmentFinding {
  layer: string;
  kind: string;
  severity: FindingSeverity;
  overlapM2: number;
  layerName?: string;
}

export interface AssignmentNeeds {
  landMu?: number;
  energyTce?: number;
  coalT?: number;
  codT?: number;
  nh3nT?: number;
  so2T?: number;
  noxT?: number;
  vocsT?: number;
  fundsWan?: number;
}

export interface AssignmentInput {
  findings: AssignmentFinding[];
  /** layer key → department code (layers.source_department_id); null for layers no department owns. */
  layerDepartments: Record<string, string | null>;
  needs: AssignmentNeeds;
  type: ProjectAttributes['type'];
  fundingSources?: string[];
  industryCode?: string | null;
}

export interface Assignment {
  department: string;
  /** The id of the first rule that chose the department. */
  rule: string;
  /** Every reason the department was chosen, joined with "；". */
  reason: string;
}

export interface AssignmentRule {
  id: string;
  department: string;
  /** What the rule says, for an administrator's table. */
  description: string;
  /** The Chinese reason when the rule applies to the input, else null. */
  applies: (input: AssignmentInput) => string | null;
}

/** Display order of departments (then any other code, alphabetically). */
export const DEPARTMENT_ORDER = ['zrzy', 'sthj', 'fgw', 'czj', 'xzsp', 'tzcj', 'zjj', 'slj', 'gxj', 'wlj'] as const;

/** Names of the seeded control layers, used when a finding carries no layerName. */
export const LAYER_NAMES: Record<string, string> = {
  'ecological-redline': '生态保护红线',
  farmland: '永久基本农田',
  'town-development-boundary': '城镇开发边界',
  'water-source-protection': '饮用水水源保护区',
  heritage: '文物保护范围',
};

/** The 三区三线 layers the natural-resources bureau always answers for. */
export const SPATIAL_CONTROL_LAYERS = ['farmland', 'ecological-redline', 'town-development-boundary'] as const;

const POLLUTANT_KEYS = Object.keys(POLLUTANTS) as PollutantKey[];
const positive = (v: number | undefined | null): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
const fmt = (n: number) => String(Math.round(n * 100) / 100);
const layerName = (f: AssignmentFinding) => f.layerName ?? LAYER_NAMES[f.layer] ?? f.layer;

/**
 * A finding is a real conflict when it has an overlap or a severity above info. (城镇开发边界 reports an info
 * finding with no area when the site lies wholly inside it: that is no conflict.)
 */
export function isConflict(f: Pick<AssignmentFinding, 'severity' | 'overlapM2'>): boolean {
  return f.overlapM2 > 0 || f.severity !== 'info';
}

function touched(input: AssignmentInput, layers: readonly string[]): string | null {
  const hits = input.findings.filter((f) => layers.includes(f.layer) && isConflict(f));
  if (hits.length === 0) return null;
  return `选址涉及${hits.map((f) => `${layerName(f)}${f.overlapM2 > 0 ? ` ${m2ToMu(f.overlapM2).toFixed(2)} 亩` : ''}`).join('、')}`;
}

/**
 * The assignment rules, in order. Decided from the document:
 *  - Art. 5, 8, 10: the departments that own the land, environment, energy, policy and planning data check
 *    the project against them (spatial controls and land → zrzy; pollutants and water sources → sthj;
 *    energy and coal → fgw, which keeps the energy-consumption quotas; funds → fgw and czj).
 *  - Art. 9: investment-attraction projects → tzcj (投资促进局).
 *  - Art. 10 政策把关: manufacturing and energy-production projects → gxj (industrial policy); construction and
 *    real-estate → zjj.
 *  - Art. 12, 22, 30: the opinions of a passed round become the 正式预审意见 that support the approvals, and the
 *    行政审批服务局 runs the green channel: xzsp takes part in every round.
 *  - Any conflict with a layer a department owns (including layers imported later) → that department.
 */
export const ASSIGNMENT_RULES: readonly AssignmentRule[] = [
  {
    id: 'spatial-control', department: 'zrzy', description: '选址涉及永久基本农田、生态保护红线或城镇开发边界外',
    applies: (i) => touched(i, SPATIAL_CONTROL_LAYERS),
  },
  {
    id: 'land-need', department: 'zrzy', description: '项目有新增用地需求',
    applies: (i) => (positive(i.needs.landMu) ? `用地需求 ${fmt(i.needs.landMu)} 亩` : null),
  },
  {
    id: 'pollutant-need', department: 'sthj', description: '项目有主要污染物排放总量需求',
    applies: (i) => {
      const items = POLLUTANT_KEYS.filter((k) => positive(i.needs[k])).map((k) => `${POLLUTANTS[k]} ${fmt(i.needs[k]!)} 吨/年`);
      return items.length > 0 ? `污染物排放需求：${items.join('、')}` : null;
    },
  },
  {
    id: 'water-source', department: 'sthj', description: '选址涉及饮用水水源保护区',
    applies: (i) => touched(i, ['water-source-protection']),
  },
  {
    id: 'energy-need', department: 'fgw', description: '项目有能耗或煤炭消费需求',
    applies: (i) => {
      const items = [positive(i.needs.energyTce) ? `能耗 ${fmt(i.needs.energyTce)} 吨标准煤` : null, positive(i.needs.coalT) ? `煤炭消费 ${fmt(i.needs.coalT)} 吨` : null].filter(Boolean);
      return items.length > 0 ? `能源需求：${items.join('、')}` : null;
    },
  },
  {
    id: 'government-investment', department: 'fgw', description: '政府投资项目（审批、资金安排）',
    applies: (i) => (i.type === '政府投资' ? '政府投资项目' : null),
  },
  {
    id: 'policy-funds', department: 'fgw', description: '资金来源含中央预算内、专项债、国债等政策性资金',
    applies: (i) => policyFundsReason(i),
  },
  {
    id: 'government-investment-funds', department: 'czj', description: '政府投资项目（财政资金）',
    applies: (i) => (i.type === '政府投资' ? '政府投资项目' : null),
  },
  {
    id: 'policy-funds-finance', department: 'czj', description: '资金来源含政策性资金',
    applies: (i) => policyFundsReason(i),
  },
  {
    id: 'funds-need', department: 'czj', description: '项目有资金需求',
    applies: (i) => (positive(i.needs.fundsWan) ? `资金需求 ${fmt(i.needs.fundsWan)} 万元` : null),
  },
  {
    id: 'approval', department: 'xzsp', description: '每个项目：审核意见作为正式预审意见支撑后续审批（第十二条、第二十二条）',
    applies: () => '正式预审意见将作为后续审批依据（第十二条）',
  },
  {
    id: 'investment-attraction', department: 'tzcj', description: '招商引资项目',
    applies: (i) => (i.type === '招商引资' ? '招商引资项目' : null),
  },
  {
    id: 'construction-industry', department: 'zjj', description: '建筑业、房地产业项目（行业门类 E、K）',
    applies: (i) => industryIn(i, ['E', 'K']),
  },
  {
    id: 'industrial-policy', department: 'gxj', description: '工业项目产业政策把关（行业门类 B、C、D）',
    applies: (i) => industryIn(i, ['B', 'C', 'D']),
  },
  {
    id: 'heritage', department: 'wlj', description: '选址涉及文物保护范围',
    applies: (i) => touched(i, ['heritage']),
  },
];

/** Layers the rules above already name; the layer-owner rule covers the others. */
const RULE_LAYERS: readonly string[] = [...SPATIAL_CONTROL_LAYERS, 'water-source-protection', 'heritage'];

function policyFundsReason(i: AssignmentInput): string | null {
  const policy = (i.fundingSources ?? []).filter(isPolicyFunding);
  return policy.length > 0 ? `资金来源含${policy.join('、')}` : null;
}

function industryIn(i: AssignmentInput, sections: readonly string[]): string | null {
  const code = i.industryCode?.trim().toUpperCase();
  return code && sections.includes(code[0]!) ? `行业代码 ${code}` : null;
}

function departmentRank(code: string): number {
  const i = (DEPARTMENT_ORDER as readonly string[]).indexOf(code);
  return i < 0 ? DEPARTMENT_ORDER.length : i;
}

/** The departments to consult, one entry each, in DEPARTMENT_ORDER (other codes after, alphabetically). */
export function assignDepartments(input: AssignmentInput): Assignment[] {
  const byDept = new Map<string, { rule: string; reasons: string[] }>();
  const add = (department: string, rule: string, reason: string) => {
    const entry = byDept.get(department);
    if (!entry) byDept.set(department, { rule, reasons: [reason] });
    else if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
  };
  for (const rule of ASSIGNMENT_RULES) {
    const reason = rule.applies(input);
    if (reason) add(rule.department, rule.id, reason);
  }
  // Any conflict with a layer a department owns → that department (covers layers without a rule above).
  for (const f of input.findings) {
    const dept = input.layerDepartments[f.layer];
    if (dept && isConflict(f) && !(RULE_LAYERS.includes(f.layer) && byDept.has(dept))) add(dept, 'layer-owner', `选址涉及本部门管控图层“${layerName(f)}”`);
  }
  return [...byDept.entries()]
    .sort(([a], [b]) => departmentRank(a) - departmentRank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([department, e]) => ({ department, rule: e.rule, reason: e.reasons.join('；') }));
}

/** A finding as the draft opinion reads it: the siting analysis' message and figures when available. */
export type OpinionFinding = AssignmentFinding & { message?: string; share?: number; overlapMu?: number };

export type Verdict = 'agree' | 'conditional' | 'disagree';

/** The verdict the findings suggest: any forbidden → disagree, any adjust → conditional, else agree. */
export function suggestedVerdict(findings: readonly Pick<AssignmentFinding, 'severity' | 'overlapM2'>[]): Verdict {
  const conflicts = findings.filter(isConflict);
  if (conflicts.some((f) => f.severity === 'forbidden')) return 'disagree';
  if (conflicts.some((f) => f.severity === 'adjust')) return 'conditional';
  return 'agree';
}

function findingSentence(f: OpinionFinding): string {
  if (f.message) return f.message.replace(/[。；;，,\s]+$/u, '');
  const mu = f.overlapMu ?? m2ToMu(f.overlapM2);
  const share = typeof f.share === 'number' ? `（占选址面积 ${(f.share * 100).toFixed(1)}%）` : '';
  return f.overlapM2 > 0 ? `选址涉及${layerName(f)} ${mu.toFixed(2)} 亩${share}` : `选址与${layerName(f)}相邻或位于其内，未发现占用`;
}

/** The department's own factor needs, for the factor-guarantee part of its opinion. */
function needsSentence(department: string, needs: AssignmentNeeds | undefined): string | null {
  if (!needs) return null;
  const items: string[] = [];
  if (department === 'zrzy' && positive(needs.landMu)) items.push(`新增建设用地 ${fmt(needs.landMu)} 亩`);
  if (department === 'sthj') for (const k of POLLUTANT_KEYS) if (positive(needs[k])) items.push(`${POLLUTANTS[k]} ${fmt(needs[k]!)} 吨/年`);
  if (department === 'fgw') {
    if (positive(needs.energyTce)) items.push(`能耗 ${fmt(needs.energyTce)} 吨标准煤`);
    if (positive(needs.coalT)) items.push(`煤炭消费 ${fmt(needs.coalT)} 吨`);
  }
  if (department === 'czj' && positive(needs.fundsWan)) items.push(`资金 ${fmt(needs.fundsWan)} 万元`);
  return items.length > 0 ? `项目申报${items.join('、')}的要素需求，请反馈要素保障意见` : null;
}

const CONCLUSION: Record<Verdict, string> = {
  disagree: '选址与上述刚性管控要求冲突，不同意该选址，建议调整选址避让后重新提交。',
  conditional: '建议按上述要求调整选址或补充论证，有条件同意。',
  agree: '未发现与本部门管控要求冲突的情形，同意。',
};

/**
 * A draft opinion for a department, pre-filled from the findings on its layers. Pass the department's findings
 * (or all findings with options.layerDepartments to filter them); options.needs adds the factor-guarantee line.
 * The reviewer edits it before answering.
 */
export function draftOpinion(
  department: string,
  findings: readonly OpinionFinding[],
  options: { layerDepartments?: Record<string, string | null>; needs?: AssignmentNeeds } = {},
): string {
  const own = options.layerDepartments ? findings.filter((f) => options.layerDepartments![f.layer] === department) : [...findings];
  const conflicts = own.filter(isConflict);
  const needs = needsSentence(department, options.needs);
  const tail = needs ? `${needs}。` : '';
  if (conflicts.length === 0) return `经核查，选址不涉及本部门管控图层的占用或冲突，原则同意。${tail}`;
  const sentences = conflicts.map(findingSentence);
  const body = sentences.length === 1 ? `经核查，${sentences[0]}。` : `经核查：\n${sentences.map((s, k) => `${k + 1}. ${s}。`).join('\n')}\n`;
  return `${body}${CONCLUSION[suggestedVerdict(conflicts)]}${tail}`;
}
