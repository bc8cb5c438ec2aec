import { describe, expect, it } from 'vitest';
import type { FactorMovement } from '../../../../common/src/factors.ts';
import { ledgerSheet } from './ledger-export';

const m = (id: number, unit: string, amount: number): FactorMovement => ({
  id, kind: '调剂', factor: unit === '亩' ? 'farmland_balance' : 'so2', year: 2026, unit, fundingSource: '',
  from: { accountId: 1, owner: { kind: 'county', code: '371522', name: '莘县' } },
  to: { accountId: 2, owner: { kind: 'project', code: 'XM-7', name: '某项目' } },
  amount, priceWan: 1680, dueDate: null, relatedMovementId: null, documentNo: '聊自然资字〔2026〕21号', reason: '调剂', operator: '市指挥部', requestKey: 'k', createdAt: '2026-03-31T16:30:00Z',
});

describe('ledgerSheet', () => {
  it('puts the one unit into the amount header and keeps numbers as numbers', () => {
    const s = ledgerSheet([m(7, '亩', 60.5)]);
    expect(s.header).toContain('数量（亩）');
    expect(s.header).not.toContain('单位');
    const row = s.rows[0]!;
    expect(row[s.header.indexOf('数量（亩）')]).toBe(60.5);
    expect(row[s.header.indexOf('价款（万元）')]).toBe(1680);
    expect(row[s.header.indexOf('记账时间')]).toBe('2026-04-01 00:30:00');
    expect(row[s.header.indexOf('转入方')]).toBe('某项目（XM-7）');
    expect(row).toHaveLength(s.header.length);
  });

  it('adds a unit column when units differ', () => {
    const s = ledgerSheet([m(1, '亩', 1), m(2, '吨/年', 2)]);
    expect(s.header.slice(8, 10)).toEqual(['数量', '单位']);
    expect(s.rows.map((r) => r[9])).toEqual(['亩', '吨/年']);
    expect(s.rows.every((r) => r.length === s.header.length)).toBe(true);
  });
});
