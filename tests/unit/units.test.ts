import { describe, expect, it } from 'vitest';
import { gkZone, m2ToHa, m2ToMu, muToM2 } from '../../common/src/units.ts';

describe('area units', () => {
  it('converts square metres to 亩 and 公顷 (1 亩 = 10000/15 m², 1 公顷 = 15 亩)', () => {
    expect(m2ToMu(10000)).toBeCloseTo(15, 12);
    expect(m2ToHa(10000)).toBe(1);
    expect(m2ToMu(666.6666666666666)).toBeCloseTo(1, 12);
    expect(muToM2(300)).toBeCloseTo(200000, 6);
  });
});

describe('CGCS2000 3-degree Gauss-Krüger zones around Liaocheng', () => {
  it('puts 冠县 (west of 115.5°E) in zone 38 and the city centre in zone 39', () => {
    expect(gkZone(115.44)).toEqual({ zone: 38, centralMeridian: 114, epsgPrefixed: 4526, epsg: 4547 });
    expect(gkZone(115.98)).toEqual({ zone: 39, centralMeridian: 117, epsgPrefixed: 4527, epsg: 4548 });
  });
  it('treats 115.5°E itself as the start of zone 39', () => {
    expect(gkZone(115.5).zone).toBe(39);
    expect(gkZone(115.4999).zone).toBe(38);
  });
  it('refuses longitudes outside China', () => {
    expect(() => gkZone(10)).toThrow(RangeError);
  });
});
