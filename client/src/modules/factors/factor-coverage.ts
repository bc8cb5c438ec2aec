import { FACTORS, type FactorAccount, type FactorKey } from '../../../../common/src/factors.ts';
import type { ProjectNeeds } from '../../../../common/src/projects.ts';

/** A project's factor needs, as the project API keeps them. */
export type FactorNeeds = ProjectNeeds;

export const NEED_FACTORS: Record<keyof ProjectNeeds, FactorKey> = {
  landMu: 'land',
  energyTce: 'energy',
  coalT: 'coal',
  codT: 'cod',
  nh3nT: 'nh3n',
  so2T: 'so2',
  noxT: 'nox',
  vocsT: 'vocs',
  fundsWan: 'funds',
};

export type Coverage = 'county' | 'with-city' | 'gap';

export interface CoverageRow {
  factor: FactorKey;
  name: string;
  unit: string;
  need: number;
  county: number;
  city: number;
  coverage: Coverage;
  /** What neither the county nor the city pool can give. */
  gap: number;
}

const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 1e4) / 1e4;

/**
 * Each positive need against the county's balance first, then the city pool's (the allocation order,
 * Art. 17): covered by the county, by county and city together, or short by `gap`. Funds sum their sources.
 */
export function factorCoverage(needs: FactorNeeds, accounts: readonly FactorAccount[], countyCode: string): CoverageRow[] {
  const balance = (factor: FactorKey, pick: (a: FactorAccount) => boolean) => sum(accounts.filter((a) => a.factor === factor && pick(a)).map((a) => a.balance));
  return (Object.keys(NEED_FACTORS) as (keyof FactorNeeds)[])
    .filter((k) => (needs[k] ?? 0) > 0)
    .map((k) => {
      const factor = NEED_FACTORS[k];
      const need = needs[k]!;
      const county = balance(factor, (a) => a.owner.kind === 'county' && a.owner.code === countyCode);
      const city = balance(factor, (a) => a.owner.kind === 'city');
      const gap = Math.max(0, Math.round((need - county - city) * 1e4) / 1e4);
      const coverage: Coverage = need <= county ? 'county' : gap === 0 ? 'with-city' : 'gap';
      return { factor, name: FACTORS[factor].name, unit: FACTORS[factor].unit, need, county, city, coverage, gap };
    });
}
