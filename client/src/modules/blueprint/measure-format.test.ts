import { describe, expect, it } from 'vitest';
import { areaFigures, formatDistance } from './measure-format';

describe('measure display', () => {
  it('shows short distances in metres and long ones in kilometres', () => {
    expect(formatDistance(0)).toBe('0.0 米');
    expect(formatDistance(523.44)).toBe('523.4 米');
    expect(formatDistance(12_345.6)).toBe('12.346 公里');
  });

  it('converts areas: 1 亩 = 10000/15 m², 1 公顷 = 15 亩', () => {
    // 200 000 m² = 20 公顷 = 300 亩
    expect(areaFigures(200_000)).toEqual({ mu: '300.00 亩', ha: '20.00 公顷', m2: '200,000 平方米' });
    expect(areaFigures(1000).mu).toBe('1.50 亩');
    expect(areaFigures(666.6667).mu).toBe('1.00 亩');
  });
});
