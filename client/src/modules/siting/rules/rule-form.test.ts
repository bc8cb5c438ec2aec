import { describe, expect, it } from 'vitest';
import type { SitingRuleRow } from '../../../api/siting.api';
import { emptyRule, formValuesOf, ruleChange, ruleInput } from './rule-form';

const heritage: SitingRuleRow = {
  id: 'heritage',
  sortOrder: 60,
  layer: 'heritage',
  measure: 'inside',
  severity: 'adjust',
  message: '选址涉及{layerName} {overlapMu} 亩',
  basis: '《中华人民共和国文物保护法》',
  enabled: true,
};

describe('rule form', () => {
  it('sends nothing for an unchanged rule and only the changed fields otherwise', () => {
    expect(ruleChange(heritage, formValuesOf(heritage))).toEqual({});
    expect(ruleChange(heritage, { ...formValuesOf(heritage), severity: 'forbidden', enabled: false })).toEqual({ severity: 'forbidden', enabled: false });
  });

  it('sets and clears the condition and the clear-case fields as null', () => {
    const withWhen: SitingRuleRow = { ...heritage, when: { property: 'level', equals: '一级' }, severityWhenClear: 'info', messageWhenClear: '完全位于边界内' };
    const v = formValuesOf(withWhen);
    expect(ruleChange(withWhen, { ...v, whenProperty: '', severityWhenClear: '', messageWhenClear: '' })).toEqual({ when: null, severityWhenClear: null, messageWhenClear: null });
    expect(ruleChange(heritage, { ...formValuesOf(heritage), whenProperty: 'grade', whenEquals: '国家级' })).toEqual({ when: { property: 'grade', equals: '国家级' } });
  });

  it('builds a new rule without an empty condition', () => {
    const v = { ...emptyRule(5), id: ' my-rule ', layer: 'heritage', message: '涉及文物保护单位 {names}' };
    expect(ruleInput(v)).toEqual({ id: 'my-rule', layer: 'heritage', measure: 'inside', severity: 'adjust', message: '涉及文物保护单位 {names}', basis: '', sortOrder: 5 });
  });
});
