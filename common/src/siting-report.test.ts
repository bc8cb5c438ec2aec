import { describe, expect, it } from 'vitest';
import { formatBeijingTime } from './siting-report.ts';

describe('formatBeijingTime', () => {
  it('prints UTC instants as Beijing time (UTC+8), rolling over the date', () => {
    expect(formatBeijingTime('2026-11-26T13:05:00Z')).toBe('2026年11月26日 21:05');
    expect(formatBeijingTime('2026-12-31T16:30:00.000Z')).toBe('2027年1月1日 00:30');
  });
});
