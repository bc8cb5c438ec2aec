import { describe, expect, it } from 'vitest';
import { formatMu, formatRoadDistance, formatShare, SEVERITY_LABEL, VERDICT_LABEL } from './siting-format';

describe('siting-format', () => {
  it('names the verdicts in Chinese with the agreed colours', () => {
    expect(VERDICT_LABEL.forbidden).toEqual({ text: '禁止选址', color: 'red' });
    expect(VERDICT_LABEL.adjust).toEqual({ text: '需调整', color: 'orange' });
    expect(VERDICT_LABEL.ok).toEqual({ text: '可选址', color: 'green' });
    expect(SEVERITY_LABEL.info.text).toBe('提示');
  });

  it('formats 亩, shares and road distances', () => {
    expect(formatMu(1234.5)).toBe('1,234.50 亩');
    expect(formatShare(0.4567)).toBe('45.7%');
    expect(formatRoadDistance(850)).toBe('850 米');
    expect(formatRoadDistance(2345)).toBe('2.35 公里');
  });
});
