import type { FactorKey } from './factors.ts';
import type { ProjectNeeds } from './projects.ts';
import { POLLUTANTS, type SitingNeeds } from './siting.ts';

/**
 * The one map between a factor of the ledger and the project need it answers (要素需求): the need's key in
 * `ProjectNeeds`, and its label with the unit the need is entered in. Allocation plans, the siting
 * capacity check and the project form all read it.
 */
export const NEEDS = [
  { factor: 'land', key: 'landMu', label: '用地（亩）' },
  { factor: 'energy', key: 'energyTce', label: '能耗（吨标准煤）' },
  { factor: 'coal', key: 'coalT', label: '煤炭（吨）' },
  { factor: 'cod', key: 'codT', label: '化学需氧量（吨/年）' },
  { factor: 'nh3n', key: 'nh3nT', label: '氨氮（吨/年）' },
  { factor: 'so2', key: 'so2T', label: '二氧化硫（吨/年）' },
  { factor: 'nox', key: 'noxT', label: '氮氧化物（吨/年）' },
  { factor: 'vocs', key: 'vocsT', label: '挥发性有机物（吨/年）' },
  { factor: 'funds', key: 'fundsWan', label: '资金（万元）' },
] as const satisfies readonly { factor: FactorKey; key: keyof ProjectNeeds; label: string }[];

export type NeedKey = (typeof NEEDS)[number]['key'];

/** The need key of each factor; 占补平衡 (farmland_balance) follows land and is not a need of its own. */
export const NEED_OF = Object.fromEntries(NEEDS.map((n) => [n.factor, n.key])) as Partial<Record<FactorKey, NeedKey>>;

/** A project's need for a factor (0 when not stated or not a need). */
export function projectNeed(needs: ProjectNeeds, factor: FactorKey): number {
  const key = NEED_OF[factor];
  return key ? Number(needs[key] ?? 0) : 0;
}

/**
 * The need for a factor as asked at siting time, where pollutants come nested and coal and funds are not
 * asked for (undefined: not stated).
 */
export function sitingNeed(needs: SitingNeeds, factor: FactorKey): number | undefined {
  const key = NEED_OF[factor];
  if (!key) return undefined;
  if (key in POLLUTANTS) return needs.pollutants?.[key as keyof typeof POLLUTANTS];
  if (key === 'landMu' || key === 'energyTce') return needs[key];
  return undefined;
}
