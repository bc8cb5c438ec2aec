import { describe, expect, it } from 'vitest';
import { formatAttributeValue } from './attribute-format';

describe('formatAttributeValue', () => {
  it('keeps strings and plain integers as they are (codes, years)', () => {
    expect(formatAttributeValue('371502-JBNT-000123')).toBe('371502-JBNT-000123');
    expect(formatAttributeValue(2024)).toBe('2024');
    expect(formatAttributeValue(6)).toBe('6');
    expect(formatAttributeValue(12.345678)).toBe('12.3457');
  });

  it('shows empties as a dash and booleans in Chinese', () => {
    expect(formatAttributeValue(null)).toBe('—');
    expect(formatAttributeValue(undefined)).toBe('—');
    expect(formatAttributeValue('')).toBe('—');
    expect(formatAttributeValue([])).toBe('—');
    expect(formatAttributeValue(true)).toBe('是');
    expect(formatAttributeValue(false)).toBe('否');
  });

  it('lists arrays and spells out known keys of objects', () => {
    expect(formatAttributeValue(['新能源汽车', '装备制造'])).toBe('新能源汽车、装备制造');
    expect(formatAttributeValue({ codT: 6.2, nh3nT: 1.7, other: 'x' })).toBe('化学需氧量 6.2；氨氮 1.7；other x');
  });
});
