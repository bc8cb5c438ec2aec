import { describe, expect, it } from 'vitest';
import { formatDistance, metresPerPixel, roundDistance, scaleBar } from './scale-bar';

describe('metresPerPixel', () => {
  it('at the equator and zoom 0 one pixel is the circumference over 512', () => {
    // 2π × 6 371 008.8 m = 40 030 228.9 m, spread over 512 px.
    expect(metresPerPixel(0, 0)).toBeCloseTo(40030228.89 / 512, 1);
  });

  it('halves with every zoom level and shrinks with cos(latitude)', () => {
    expect(metresPerPixel(0, 1)).toBeCloseTo(metresPerPixel(0, 0) / 2, 6);
    expect(metresPerPixel(60, 5)).toBeCloseTo(metresPerPixel(0, 5) / 2, 6);
  });

  it('matches a haversine distance across 100 px at Liaocheng (36.45°N, zoom 10)', () => {
    // 100 px at zoom 10 spans 100 × 360 / (512 × 1024) degrees of longitude.
    const R = 6371008.8;
    const lat = (36.45 * Math.PI) / 180;
    const dLon = ((100 * 360) / (512 * 1024) * Math.PI) / 180;
    const a = Math.cos(lat) ** 2 * Math.sin(dLon / 2) ** 2;
    const haversine = 2 * R * Math.asin(Math.sqrt(a));
    expect(metresPerPixel(36.45, 10) * 100).toBeCloseTo(haversine, 2);
    expect(metresPerPixel(36.45, 10)).toBeCloseTo(61.415, 2);
  });

  it('divides by the pixel ratio of the image', () => {
    expect(metresPerPixel(36.45, 10, 2)).toBeCloseTo(metresPerPixel(36.45, 10) / 2, 9);
  });
});

describe('roundDistance', () => {
  it('picks 1, 2 or 5 × 10ⁿ not above the maximum', () => {
    expect(roundDistance(9999)).toBe(5000);
    expect(roundDistance(5000)).toBe(5000);
    expect(roundDistance(4999)).toBe(2000);
    expect(roundDistance(1999)).toBe(1000);
    expect(roundDistance(0.73)).toBeCloseTo(0.5, 12);
    expect(roundDistance(0)).toBe(0);
  });
});

describe('scaleBar', () => {
  it('gives a round length and the pixels it spans', () => {
    const bar = scaleBar(61.415, 160); // 9 826 m available
    expect(bar.metres).toBe(5000);
    expect(bar.pixels).toBeCloseTo(5000 / 61.415, 6);
    expect(bar.label).toBe('5 公里');
  });

  it('labels metres below one kilometre', () => {
    expect(scaleBar(3, 160).label).toBe('200 米');
    expect(formatDistance(1500)).toBe('1.5 公里');
  });
});
