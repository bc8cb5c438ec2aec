import type { SitingRuleChange, SitingRuleInput, SitingRuleRow, SitingSeverity } from '../../../api/siting.api';

/** What the rule form edits; empty strings are "not set". */
export interface RuleFormValues {
  id: string;
  layer: string;
  measure: 'inside' | 'outside';
  whenProperty: string;
  whenEquals: string;
  severity: SitingSeverity;
  severityWhenClear: SitingSeverity | '';
  message: string;
  messageWhenClear: string;
  basis: string;
  sortOrder: number;
  enabled: boolean;
}

export const MEASURE_LABEL: Record<RuleFormValues['measure'], string> = { inside: '占用部分（与图层重叠）', outside: '图层外部分（如城镇开发边界外）' };

/** Placeholders a message template may use, with what they become. */
export const TEMPLATE_FIELDS: Array<[string, string]> = [
  ['{layerName}', '图层名称'],
  ['{overlapMu}', '重叠面积（亩）'],
  ['{overlapHa}', '重叠面积（公顷）'],
  ['{share}', '占选址面积比例'],
  ['{names}', '涉及要素名称'],
];

export function formValuesOf(rule: SitingRuleRow): RuleFormValues {
  return {
    id: rule.id,
    layer: rule.layer ?? '',
    measure: rule.measure,
    whenProperty: rule.when?.property ?? '',
    whenEquals: rule.when?.equals ?? '',
    severity: rule.severity,
    severityWhenClear: rule.severityWhenClear ?? '',
    message: rule.message,
    messageWhenClear: rule.messageWhenClear ?? '',
    basis: rule.basis,
    sortOrder: rule.sortOrder,
    enabled: rule.enabled,
  };
}

export const emptyRule = (sortOrder: number): RuleFormValues => ({
  id: '',
  layer: '',
  measure: 'inside',
  whenProperty: '',
  whenEquals: '',
  severity: 'adjust',
  severityWhenClear: '',
  message: '',
  messageWhenClear: '',
  basis: '',
  sortOrder,
  enabled: true,
});

const whenOf = (v: RuleFormValues) => (v.whenProperty.trim() && v.whenEquals.trim() ? { property: v.whenProperty.trim(), equals: v.whenEquals.trim() } : null);

/**
 * The PUT body: only what changed, so an admin's edit never rewrites fields they did not touch
 * (and the audit record shows exactly the change). Text is sent as typed: the server trims and validates.
 */
export function ruleChange(before: SitingRuleRow, v: RuleFormValues): SitingRuleChange {
  const was = formValuesOf(before);
  const change: SitingRuleChange = {};
  if (v.severity !== was.severity) change.severity = v.severity;
  if (v.severityWhenClear !== was.severityWhenClear) change.severityWhenClear = v.severityWhenClear || null;
  if (v.message !== was.message) change.message = v.message;
  if (v.messageWhenClear !== was.messageWhenClear) change.messageWhenClear = v.messageWhenClear || null;
  if (v.basis !== was.basis) change.basis = v.basis;
  if (v.enabled !== was.enabled) change.enabled = v.enabled;
  if (v.sortOrder !== was.sortOrder) change.sortOrder = v.sortOrder;
  if (v.whenProperty !== was.whenProperty || v.whenEquals !== was.whenEquals) change.when = whenOf(v);
  return change;
}

/** The POST body of a new rule. */
export function ruleInput(v: RuleFormValues): SitingRuleInput {
  const when = whenOf(v);
  return { id: v.id.trim(), layer: v.layer, measure: v.measure, severity: v.severity, message: v.message, basis: v.basis, sortOrder: v.sortOrder, ...(when ? { when } : {}) };
}
