/**
 * The default siting rules. They are seeded into the `siting_rules` table (reference data), where an
 * admin edits them (PUT /api/siting/rules/:id); the analysis reads the table. The rules, as a table: which layer, which features (condition), what is measured, how severe,
 * and the Chinese message. Kept as plain data in one place so that issue 4 item 3 can move the table
 * into the database (an admin edits it in the UI) without touching the analysis: the repository hands
 * the rows to SQL as JSON and each touched feature takes the FIRST rule that applies to it.
 *
 * A rule applies to a feature when `layer` is its layer key (or `layer` is null and `kind` is its
 * layer's kind: the defaults that make a newly imported hard or soft layer take part at once) and
 * `when` (a property equality) holds. `measure` says what the figure is:
 *   inside   the part of the site covered by the matched features (overlap)
 *   outside  the part of the site NOT covered by the layer (城镇开发边界: building outside it is the problem)
 */
export type Severity = 'forbidden' | 'adjust' | 'info';

export interface SitingRule {
  id: string;
  layer: string | null;
  kind?: 'hard' | 'soft';
  when?: { property: string; equals: string };
  measure: 'inside' | 'outside';
  severity: Severity;
  /** Severity when an `outside` rule's layer is touched but nothing lies outside it. */
  severityWhenClear?: Severity;
  /** Placeholders {layerName} {overlapMu} {overlapHa} {share} {names}. */
  message: string;
  messageWhenClear?: string;
  /** The rule's source, quoted in the verdict. */
  basis: string;
}

/** Defaults seeded into siting_rules; the analysis reads the table, not this constant. */
export const SITING_RULES: readonly SitingRule[] = [
  {
    id: 'ecological-redline', layer: 'ecological-redline', measure: 'inside', severity: 'forbidden',
    message: '选址占用{layerName} {overlapMu} 亩（占选址面积 {share}）：{names}。生态保护红线内原则上禁止开发性、生产性建设活动，须避让',
    basis: '《关于在国土空间规划中统筹划定落实三条控制线的指导意见》',
  },
  {
    id: 'farmland', layer: 'farmland', measure: 'inside', severity: 'forbidden',
    message: '选址占用{layerName} {overlapMu} 亩（占选址面积 {share}）。永久基本农田一经划定，任何单位和个人不得擅自占用或改变用途，须避让',
    basis: '《中华人民共和国土地管理法》第三十五条',
  },
  {
    id: 'water-source-first-level', layer: 'water-source-protection', when: { property: 'level', equals: '一级保护区' }, measure: 'inside', severity: 'forbidden',
    message: '选址进入饮用水水源一级保护区 {overlapMu} 亩（占选址面积 {share}）：{names}。一级保护区内禁止建设与供水设施和保护水源无关的项目',
    basis: '《中华人民共和国水污染防治法》第六十五条',
  },
  {
    id: 'water-source-second-level', layer: 'water-source-protection', when: { property: 'level', equals: '二级保护区' }, measure: 'inside', severity: 'adjust',
    message: '选址进入饮用水水源二级保护区 {overlapMu} 亩（占选址面积 {share}）：{names}。二级保护区内禁止建设排放污染物的项目，须调整选址或论证项目不排放污染物',
    basis: '《中华人民共和国水污染防治法》第六十六条',
  },
  {
    id: 'town-development-boundary', layer: 'town-development-boundary', measure: 'outside', severity: 'adjust', severityWhenClear: 'info',
    message: '选址有 {overlapMu} 亩（占选址面积 {share}）位于城镇开发边界外。城镇开发边界外不得进行城镇集中建设，须调整选址范围',
    messageWhenClear: '选址完全位于城镇开发边界内：{names}',
    basis: '《关于在国土空间规划中统筹划定落实三条控制线的指导意见》',
  },
  {
    id: 'heritage', layer: 'heritage', measure: 'inside', severity: 'adjust',
    message: '选址涉及{layerName} {overlapMu} 亩（占选址面积 {share}）：{names}。须征得文物主管部门同意，调整布局或控制建设高度与体量',
    basis: '《中华人民共和国文物保护法》',
  },
  // Defaults: any other layer registered as hard or soft (e.g. one imported by an admin) takes part at once.
  {
    id: 'hard-default', layer: null, kind: 'hard', measure: 'inside', severity: 'forbidden',
    message: '选址占用刚性管控图层“{layerName}” {overlapMu} 亩（占选址面积 {share}）：{names}，须避让',
    basis: '刚性管控图层（kind = hard）默认规则',
  },
  {
    id: 'soft-default', layer: null, kind: 'soft', measure: 'inside', severity: 'adjust',
    message: '选址涉及弹性管控图层“{layerName}” {overlapMu} 亩（占选址面积 {share}）：{names}，须调整或论证',
    basis: '弹性管控图层（kind = soft）默认规则',
  },
];

export const SEVERITY_ORDER: Record<Severity, number> = { forbidden: 2, adjust: 1, info: 0 };

/** Overlaps below this (m²) are floating-point slivers of shared edges, not conflicts. */
export const MIN_OVERLAP_M2 = 0.01;

export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}
