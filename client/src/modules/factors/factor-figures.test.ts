import { describe, expect, it } from 'vitest';
import type { AccountOwner, FactorAccount, FactorMovement } from '../../../../common/src/factors.ts';
import { balanceRows, chinaMonth, monthEndBalances } from './factor-figures';

const ext: AccountOwner = { kind: 'external', code: 'external', name: '上级/外部' };
const city: AccountOwner = { kind: 'city', code: '371500', name: '聊城市' };
const dcf: AccountOwner = { kind: 'county', code: '371502', name: '东昌府区' };
const cp: AccountOwner = { kind: 'county', code: '371503', name: '茌平区' };
const zone: AccountOwner = { kind: 'zone', code: '371571', name: '聊城经济技术开发区' };
const project: AccountOwner = { kind: 'project', code: 'XM-1', name: '某项目' };

let id = 0;
function mv(from: AccountOwner, to: AccountOwner, amount: number, createdAt: string, year = 2026): FactorMovement {
  id += 1;
  return {
    id, kind: '下达', factor: 'land', year, unit: '亩', fundingSource: '',
    from: { accountId: 1, owner: from }, to: { accountId: 2, owner: to }, amount,
    priceWan: null, dueDate: null, relatedMovementId: null, documentNo: 'x', reason: 'x', operator: null, requestKey: `k${id}`, createdAt,
  };
}

describe('chinaMonth', () => {
  it('reads the month in China (UTC+8)', () => {
    expect(chinaMonth('2026-01-31T15:59:59Z')).toBe('2026-01');
    expect(chinaMonth('2026-01-31T16:00:00Z')).toBe('2026-02');
  });
});

describe('monthEndBalances', () => {
  const movements = [
    mv(ext, dcf, 1000, '2025-12-20T02:00:00Z'), // before the year: opening balance
    mv(ext, city, 500, '2026-01-10T02:00:00Z'),
    mv(dcf, city, 300, '2026-01-31T17:00:00Z'), // 1 February in China
    mv(city, zone, 100, '2026-03-05T02:00:00Z'),
    mv(dcf, project, 150.25, '2026-03-06T02:00:00Z'),
    mv(cp, dcf, 0.1, '2026-03-07T02:00:00Z'),
    mv(ext, cp, 0.2, '2026-02-07T02:00:00Z'),
    mv(ext, dcf, 999, '2026-05-01T02:00:00Z'), // after "now": not shown
    mv(ext, dcf, 7, '2026-02-01T02:00:00Z', 2027), // another year's account
  ];
  const trend = monthEndBalances(movements, 2026, new Date('2026-04-15T00:00:00Z'));

  it('lists January up to the current month', () => {
    expect(trend.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
  });

  it('gives each unit its month-end balance, outside and projects left out', () => {
    const byName = Object.fromEntries(trend.series.map((s) => [s.owner.name, s.values]));
    expect(Object.keys(byName)).toEqual(['聊城市', '东昌府区', '茌平区', '聊城经济技术开发区']);
    expect(byName['东昌府区']).toEqual([1000, 700, 549.85, 549.85]);
    expect(byName['聊城市']).toEqual([500, 800, 700, 700]);
    expect(byName['茌平区']).toEqual([0, 0.2, 0.1, 0.1]);
    expect(byName['聊城经济技术开发区']).toEqual([0, 0, 100, 100]);
  });

  it('shows a past year in full and a future year empty', () => {
    expect(monthEndBalances(movements, 2025, new Date('2026-04-15T00:00:00Z')).months).toHaveLength(12);
    expect(monthEndBalances(movements, 2027, new Date('2026-04-15T00:00:00Z'))).toEqual({ months: [], series: [] });
  });
});

describe('balanceRows', () => {
  const account = (id: number, owner: AccountOwner, factor: FactorAccount['factor'], balance: number, fundingSource = ''): FactorAccount => ({
    id, factor, factorName: '', owner, year: 2026, unit: '', fundingSource, balance,
  });
  it('orders city, counties, zones and sums funds over their sources', () => {
    const rows = balanceRows([
      account(1, zone, 'land', 400),
      account(2, cp, 'land', 560),
      account(3, dcf, 'funds', 45000, '地方政府专项债券'),
      account(4, dcf, 'funds', 0.3, '中央预算内投资'),
      account(5, city, 'land', 2000),
      account(6, ext, 'land', -5000),
      account(7, project, 'land', 20),
    ]);
    expect(rows.map((r) => r.owner.name)).toEqual(['聊城市', '东昌府区', '茌平区', '聊城经济技术开发区']);
    expect(rows[1]!.balances).toEqual({ funds: 45000.3 });
    expect(rows[0]!.balances).toEqual({ land: 2000 });
  });
});
