import { describe, expect, it } from 'vitest';
import { ASSIGNMENT_RULES, assignDepartments, draftOpinion, suggestedVerdict, type AssignmentInput } from './consultation-rules.ts';

// Layer owners as in server/src/demo/demo-layers.ts.
const LAYER_DEPARTMENTS: Record<string, string | null> = {
  'ecological-redline': 'zrzy',
  farmland: 'zrzy',
  'town-development-boundary': 'zrzy',
  'water-source-protection': 'sthj',
  'environmental-control-units': 'sthj',
  heritage: 'wlj',
  rivers: 'slj',
  'main-roads': null,
};
// A site wholly inside the town development boundary: an info finding without area.
const insideBoundary = { layer: 'town-development-boundary', kind: 'soft', severity: 'info', overlapM2: 0 } as const;
const depts = (i: AssignmentInput) => assignDepartments(i).map((a) => a.department);

describe('assignDepartments', () => {
  it('an attracted factory on farmland near the Grand Canal', () => {
    const input: AssignmentInput = {
      // 2000 m² = 3.00 亩 of farmland, 1000 m² = 1.50 亩 of heritage area
      findings: [
        { layer: 'farmland', kind: 'hard', severity: 'forbidden', overlapM2: 2000 },
        insideBoundary,
        { layer: 'heritage', kind: 'soft', severity: 'adjust', overlapM2: 1000 },
      ],
      layerDepartments: LAYER_DEPARTMENTS,
      needs: { landMu: 80, energyTce: 5000, codT: 3, so2T: 1.5, noxT: 0 },
      type: '招商引资',
      fundingSources: ['自筹', '外资'],
      industryCode: 'C3670',
    };
    expect(assignDepartments(input)).toEqual([
      { department: 'zrzy', rule: 'spatial-control', reason: '选址涉及永久基本农田 3.00 亩；用地需求 80 亩' },
      { department: 'sthj', rule: 'pollutant-need', reason: '污染物排放需求：化学需氧量 3 吨/年、二氧化硫 1.5 吨/年' },
      { department: 'fgw', rule: 'energy-need', reason: '能源需求：能耗 5000 吨标准煤' },
      { department: 'xzsp', rule: 'approval', reason: '正式预审意见将作为后续审批依据（第十二条）' },
      { department: 'tzcj', rule: 'investment-attraction', reason: '招商引资项目' },
      { department: 'gxj', rule: 'industrial-policy', reason: '行业代码 C3670' },
      { department: 'wlj', rule: 'heritage', reason: '选址涉及文物保护范围 1.50 亩' },
    ]);
  });

  it('a government-funded project with policy funds and no conflicts', () => {
    const input: AssignmentInput = {
      findings: [insideBoundary],
      layerDepartments: LAYER_DEPARTMENTS,
      needs: { landMu: 0, fundsWan: 3000 },
      type: '政府投资',
      fundingSources: ['中央预算内投资', '地方财政资金'],
      industryCode: 'N7721',
    };
    expect(assignDepartments(input)).toEqual([
      { department: 'fgw', rule: 'government-investment', reason: '政府投资项目；资金来源含中央预算内投资' },
      { department: 'czj', rule: 'government-investment-funds', reason: '政府投资项目；资金来源含中央预算内投资；资金需求 3000 万元' },
      { department: 'xzsp', rule: 'approval', reason: '正式预审意见将作为后续审批依据（第十二条）' },
    ]);
  });

  it('water sources, coal, a real-estate project and layers owned by other departments', () => {
    const input: AssignmentInput = {
      findings: [
        { layer: 'water-source-protection', kind: 'hard', severity: 'adjust', overlapM2: 500 },
        { layer: 'town-development-boundary', kind: 'soft', severity: 'adjust', overlapM2: 300 },
        { layer: 'flood-storage', kind: 'soft', severity: 'adjust', overlapM2: 300, layerName: '蓄滞洪区' },
        { layer: 'imported-x', kind: 'hard', severity: 'forbidden', overlapM2: 10, layerName: '某导入图层' },
        { layer: 'unowned', kind: 'soft', severity: 'adjust', overlapM2: 10 },
      ],
      layerDepartments: { ...LAYER_DEPARTMENTS, 'flood-storage': 'slj', 'imported-x': 'abc', unowned: null },
      needs: { coalT: 1200 },
      type: '社会投资',
      industryCode: 'k7010',
    };
    expect(assignDepartments(input)).toEqual([
      { department: 'zrzy', rule: 'spatial-control', reason: '选址涉及城镇开发边界 0.45 亩' },
      { department: 'sthj', rule: 'water-source', reason: '选址涉及饮用水水源保护区 0.75 亩' },
      { department: 'fgw', rule: 'energy-need', reason: '能源需求：煤炭消费 1200 吨' },
      { department: 'xzsp', rule: 'approval', reason: '正式预审意见将作为后续审批依据（第十二条）' },
      { department: 'zjj', rule: 'construction-industry', reason: '行业代码 K7010' },
      { department: 'slj', rule: 'layer-owner', reason: '选址涉及本部门管控图层“蓄滞洪区”' },
      { department: 'abc', rule: 'layer-owner', reason: '选址涉及本部门管控图层“某导入图层”' },
    ]);
  });

  it('a water-source layer reassigned to another department adds that department', () => {
    const input: AssignmentInput = {
      findings: [{ layer: 'water-source-protection', kind: 'hard', severity: 'forbidden', overlapM2: 100 }],
      layerDepartments: { ...LAYER_DEPARTMENTS, 'water-source-protection': 'slj' },
      needs: {},
      type: '社会投资',
    };
    expect(depts(input)).toEqual(['sthj', 'xzsp', 'slj']);
  });

  it('always consults xzsp, once per department, deterministically', () => {
    const minimal: AssignmentInput = { findings: [], layerDepartments: {}, needs: {}, type: '社会投资' };
    expect(depts(minimal)).toEqual(['xzsp']);
    const input: AssignmentInput = { findings: [insideBoundary], layerDepartments: LAYER_DEPARTMENTS, needs: { landMu: 10, vocsT: 2, fundsWan: 1 }, type: '政府投资', fundingSources: ['地方政府专项债券'] };
    const once = assignDepartments(input);
    expect(once.map((a) => a.department)).toEqual(['zrzy', 'sthj', 'fgw', 'czj', 'xzsp']);
    expect(assignDepartments({ ...input, findings: [...input.findings].reverse() })).toEqual(once);
    expect(new Set(ASSIGNMENT_RULES.map((r) => r.id)).size).toBe(ASSIGNMENT_RULES.length);
    for (const r of ASSIGNMENT_RULES) expect(r.id.length).toBeLessThanOrEqual(64);
  });
});

describe('draftOpinion', () => {
  const farmland = {
    layer: 'farmland', kind: 'hard', severity: 'forbidden' as const, overlapM2: 2133.33, layerName: '永久基本农田',
    message: '选址占用永久基本农田 3.20 亩（占选址面积 12.0%）。永久基本农田一经划定，任何单位和个人不得擅自占用或改变用途，须避让',
  };
  it('uses the finding’s message and refuses a forbidden site', () => {
    expect(draftOpinion('zrzy', [farmland])).toBe(
      '经核查，选址占用永久基本农田 3.20 亩（占选址面积 12.0%）。永久基本农田一经划定，任何单位和个人不得擅自占用或改变用途，须避让。选址与上述刚性管控要求冲突，不同意该选址，建议调整选址避让后重新提交。',
    );
  });

  it('words a finding without a message from its figures, and agrees with conditions', () => {
    // 1000 m² = 1.50 亩, share 0.05 = 5.0%
    expect(draftOpinion('wlj', [{ layer: 'heritage', kind: 'soft', severity: 'adjust', overlapM2: 1000, share: 0.05 }])).toBe(
      '经核查，选址涉及文物保护范围 1.50 亩（占选址面积 5.0%）。建议按上述要求调整选址或补充论证，有条件同意。',
    );
  });

  it('numbers several findings and filters by layer owner', () => {
    const all = [
      farmland,
      { layer: 'town-development-boundary', kind: 'soft', severity: 'adjust' as const, overlapM2: 1500, message: '选址有 2.25 亩（占选址面积 8.4%）位于城镇开发边界外。城镇开发边界外不得进行城镇集中建设，须调整选址范围' },
      { layer: 'heritage', kind: 'soft', severity: 'adjust' as const, overlapM2: 1000 },
    ];
    expect(draftOpinion('zrzy', all, { layerDepartments: LAYER_DEPARTMENTS, needs: { landMu: 40 } })).toBe(
      '经核查：\n' +
        '1. 选址占用永久基本农田 3.20 亩（占选址面积 12.0%）。永久基本农田一经划定，任何单位和个人不得擅自占用或改变用途，须避让。\n' +
        '2. 选址有 2.25 亩（占选址面积 8.4%）位于城镇开发边界外。城镇开发边界外不得进行城镇集中建设，须调整选址范围。\n' +
        '选址与上述刚性管控要求冲突，不同意该选址，建议调整选址避让后重新提交。项目申报新增建设用地 40 亩的要素需求，请反馈要素保障意见。',
    );
  });

  it('is neutral when none of the department’s layers is touched', () => {
    expect(draftOpinion('sthj', [])).toBe('经核查，选址不涉及本部门管控图层的占用或冲突，原则同意。');
    expect(draftOpinion('zrzy', [insideBoundary])).toBe('经核查，选址不涉及本部门管控图层的占用或冲突，原则同意。');
    expect(draftOpinion('sthj', [farmland], { layerDepartments: LAYER_DEPARTMENTS, needs: { codT: 3, so2T: 1.5, landMu: 9 } })).toBe(
      '经核查，选址不涉及本部门管控图层的占用或冲突，原则同意。项目申报化学需氧量 3 吨/年、二氧化硫 1.5 吨/年的要素需求，请反馈要素保障意见。',
    );
  });

  it('suggests a verdict from the worst conflict', () => {
    expect(suggestedVerdict([farmland, insideBoundary])).toBe('disagree');
    expect(suggestedVerdict([{ severity: 'adjust', overlapM2: 5 }, insideBoundary])).toBe('conditional');
    expect(suggestedVerdict([insideBoundary])).toBe('agree');
    expect(suggestedVerdict([])).toBe('agree');
  });
});
