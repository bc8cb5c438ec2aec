import { describe, expect, it } from 'vitest';
import { geodesicDistance, lineLength, polygonArea } from './geodesy.ts';

const A = 6378137;
const F = 1 / 298.257222101;
const E2 = F * (2 - F);
const RAD = Math.PI / 180;

/** Area of a lat/lon cell on GRS80: Simpson integration of M(φ)·N(φ)·cos φ over the latitudes. */
function cellArea(west: number, south: number, east: number, north: number): number {
  const integrand = (phi: number) => {
    const s = 1 - E2 * Math.sin(phi) ** 2;
    return ((A * (1 - E2)) / Math.pow(s, 1.5)) * (A / Math.sqrt(s)) * Math.cos(phi);
  };
  const n = 1000;
  const h = ((north - south) * RAD) / n;
  let sum = integrand(south * RAD) + integrand(north * RAD);
  for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * integrand(south * RAD + i * h);
  return ((sum * h) / 3) * (east - west) * RAD;
}

const dms = (d: number, m: number, s: number) => Math.sign(d) * (Math.abs(d) + m / 60 + s / 3600);

describe('geodesy on GRS80', () => {
  it("reproduces Vincenty's Flinders Peak – Buninyong example (54 972.271 m)", () => {
    const flinders = [dms(144, 25, 29.5244), -dms(37, 57, 3.7203)];
    const buninyong = [dms(143, 55, 35.3839), -dms(37, 39, 10.1561)];
    expect(geodesicDistance(flinders, buninyong)).toBeCloseTo(54_972.271, 2);
  });

  it('measures along a meridian as the meridian arc', () => {
    // 1° of latitude around 36.5°N is about 110.96 km on GRS80.
    const d = lineLength([
      [116, 36],
      [116, 36.5],
      [116, 37],
    ]);
    expect(d).toBeGreaterThan(110_900);
    expect(d).toBeLessThan(111_000);
    expect(geodesicDistance([116, 36], [116, 36])).toBe(0);
  });

  it('gives the ellipsoidal area of a 1° cell, open or closed, either orientation', () => {
    const expected = cellArea(116, 36, 117, 37);
    const open = [
      [116, 36],
      [117, 36],
      [117, 37],
      [116, 37],
    ];
    expect(polygonArea([open]) / expected).toBeCloseTo(1, 10);
    expect(polygonArea([[...open, open[0]!].reverse()]) / expected).toBeCloseTo(1, 10);
  });

  it('subtracts holes', () => {
    const outer = [
      [116, 36],
      [117, 36],
      [117, 37],
      [116, 37],
      [116, 36],
    ];
    const hole = [
      [116.25, 36.25],
      [116.75, 36.25],
      [116.75, 36.75],
      [116.25, 36.75],
      [116.25, 36.25],
    ];
    const expected = cellArea(116, 36, 117, 37) - cellArea(116.25, 36.25, 116.75, 36.75);
    expect(polygonArea([outer, hole]) / expected).toBeCloseTo(1, 10);
  });
});
