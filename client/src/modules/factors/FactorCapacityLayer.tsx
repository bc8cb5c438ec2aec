import { Checkbox, Select } from 'antd';
import { useMemo, useState } from 'react';
import { FACTORS, type FactorKey } from '../../../../common/src/factors.ts';
import { useSession } from '../../auth/use-session';
import { CountyChoropleth } from '../../map';
import { capacityClasses, capacityColour, EXHAUSTED_COLOUR } from './capacity-classes';
import { formatAmount } from './factor-figures';
import { currentYear, useFactorAccounts } from './use-factors';
import './factors.css';

/** Factors whose remaining capacity per county can be mapped (funds are kept by source, not mapped). */
export const MAPPED_FACTORS: readonly FactorKey[] = ['land', 'farmland_balance', 'energy', 'coal', 'cod', 'nh3n', 'so2', 'nox', 'vocs'];
const SHORT_UNIT: Partial<Record<FactorKey, string>> = { energy: 'tce' };
const unitOf = (f: FactorKey) => SHORT_UNIT[f] ?? FACTORS[f].unit;

/**
 * 要素余量: a switch (off by default) and a factor choice over the map; when on, each county is coloured by
 * the balance of its account of that factor this year, with the legend of the classes.
 */
export function FactorCapacityLayer() {
  const canRead = useSession().data?.permissions.includes('factors.read') ?? false;
  const [on, setOn] = useState(false);
  const [factor, setFactor] = useState<FactorKey>('land');
  const year = currentYear();
  const accounts = useFactorAccounts(year, canRead && on);

  const view = useMemo(() => {
    const county = (accounts.data ?? []).filter((a) => a.owner.kind === 'county' && a.factor === factor);
    const values: Record<string, number> = {};
    for (const a of county) values[a.owner.code] = (values[a.owner.code] ?? 0) + a.balance;
    const classes = capacityClasses(Object.values(values));
    const fills = Object.fromEntries(Object.entries(values).map(([code, v]) => [code, capacityColour(v, classes)]));
    const titles = Object.fromEntries(county.map((a) => [a.owner.code, `${a.owner.name}：${FACTORS[factor].name}余量 ${formatAmount(values[a.owner.code]!)} ${unitOf(factor)}`]));
    return { classes, fills, titles, exhausted: Object.values(values).some((v) => !(v > 0)) };
  }, [accounts.data, factor]);

  if (!canRead) return null;
  const visibleFactors = MAPPED_FACTORS.filter((f) => (accounts.data ?? []).some((a) => a.factor === f));
  return (
    <>
      <CountyChoropleth fills={on ? view.fills : null} titles={view.titles} />
      <div className="factor-capacity-control" data-testid="factor-capacity-control">
        <Checkbox checked={on} onChange={(e) => setOn(e.target.checked)} data-testid="factor-capacity-toggle">
          要素余量
        </Checkbox>
        {on && (
          <>
            <Select<FactorKey>
              size="small"
              value={factor}
              onChange={setFactor}
              style={{ width: '100%', marginTop: 6 }}
              data-testid="factor-capacity-factor"
              options={(visibleFactors.length ? visibleFactors : MAPPED_FACTORS).map((f) => ({ value: f, label: `${FACTORS[f].name}（${unitOf(f)}）` }))}
            />
            <div className="factor-capacity-legend" data-testid="factor-capacity-legend">
              <div className="factor-capacity-caption">{year} 年各县（市、区）余量</div>
              {view.classes
                .slice()
                .reverse()
                .map((c) => (
                  <div className="factor-capacity-row" key={c.colour}>
                    <span className="factor-capacity-swatch" style={{ background: c.colour }} />
                    {formatAmount(c.from)} – {formatAmount(c.to)} {unitOf(factor)}
                  </div>
                ))}
              {view.exhausted && (
                <div className="factor-capacity-row">
                  <span className="factor-capacity-swatch" style={{ background: EXHAUSTED_COLOUR }} />
                  无余量
                </div>
              )}
            </div>
          </>
        )}
      </div>
    </>
  );
}
