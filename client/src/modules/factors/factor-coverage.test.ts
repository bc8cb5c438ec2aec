import { describe, expect, it } from 'vitest';
import type { AccountOwner, FactorAccount } from '../../../../common/src/factors.ts';
import { factorCoverage } from './factor-coverage';

const city: AccountOwner = { kind: 'city', code: '371500', name: '聊城市' };
const dcf: AccountOwner = { kind: 'county', code: '371502', name: '东昌府区' };
const cp: AccountOwner = { kind: 'county', code: '371503', name: '茌平区' };
let id = 0;
const acc = (owner: AccountOwner, factor: FactorAccount['factor'], balance: number, fundingSource = ''): FactorAccount => ({
  id: ++id, factor, factorName: '', owner, year: 2026, unit: '', fundingSource, balance,
});

describe('factorCoverage', () => {
  const accounts = [
    acc(dcf, 'land', 100), acc(cp, 'land', 5000), acc(city, 'land', 50),
    acc(dcf, 'energy', 10), acc(city, 'energy', 20),
    acc(dcf, 'funds', 300, '地方政府专项债券'), acc(dcf, 'funds', 200, '中央预算内投资'),
  ];

  it('takes the county first, then the city pool, and names the gap', () => {
    const rows = factorCoverage({ landMu: 120, energyTce: 40.5, fundsWan: 500, so2T: 0 }, accounts, '371502');
    expect(rows.map((r) => [r.factor, r.need, r.county, r.city, r.coverage, r.gap])).toEqual([
      ['land', 120, 100, 50, 'with-city', 0],
      ['energy', 40.5, 10, 20, 'gap', 10.5],
      ['funds', 500, 500, 0, 'county', 0],
    ]);
  });

  it('reads only the given county', () => {
    expect(factorCoverage({ landMu: 200 }, accounts, '371503')[0]).toMatchObject({ county: 5000, coverage: 'county' });
  });
});
