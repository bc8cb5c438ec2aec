import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { fromGk, gkDefinitions, gkEpsgCode, gkPlanarArea, gkProj4Definition, registerGkDefinitions, toGk } from './gk-proj.ts';

// GRS80, written out here so the expected figures do not come from the code under test.
const A = 6378137;
const F = 1 / 298.257222101;
const E2 = F * (2 - F);
const RAD = Math.PI / 180;

/** Meridian arc from the equator to `latDeg`, by Simpson integration of the meridian radius M(φ). */
function meridianArc(latDeg: number): number {
  const M = (phi: number) => (A * (1 - E2)) / Math.pow(1 - E2 * Math.sin(phi) ** 2, 1.5);
  const n = 2000;
  const h = (latDeg * RAD) / n;
  let sum = M(0) + M(latDeg * RAD);
  for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * M(i * h);
  return (sum * h) / 3;
}

/** The classic Gauss-Krüger series (surveying textbooks), good to millimetres within 1.5° of the meridian. */
function gkSeries(lon: number, lat: number, centralMeridian: number): { x: number; y: number } {
  const B = lat * RAD;
  const l = (lon - centralMeridian) * RAD;
  const t = Math.tan(B);
  const c = Math.cos(B);
  const eta2 = (E2 / (1 - E2)) * c * c;
  const N = A / Math.sqrt(1 - E2 * Math.sin(B) ** 2);
  const x =
    meridianArc(lat) +
    (N / 2) * t * c ** 2 * l ** 2 +
    (N / 24) * t * c ** 4 * (5 - t ** 2 + 9 * eta2 + 4 * eta2 ** 2) * l ** 4 +
    (N / 720) * t * c ** 6 * (61 - 58 * t ** 2 + t ** 4) * l ** 6;
  const y =
    N * c * l +
    (N / 6) * c ** 3 * (1 - t ** 2 + eta2) * l ** 3 +
    (N / 120) * c ** 5 * (5 - 18 * t ** 2 + t ** 4 + 14 * eta2 - 58 * eta2 * t ** 2) * l ** 5;
  return { x, y };
}

describe('CGCS2000 Gauss-Krüger', () => {
  it('defines zone 39 with the zone number in front of the false easting', () => {
    expect(gkProj4Definition(39)).toBe('+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +ellps=GRS80 +units=m +no_defs');
    expect(gkProj4Definition(38, false)).toContain('+lon_0=114 +k=1 +x_0=500000 ');
    expect([gkEpsgCode(38), gkEpsgCode(39), gkEpsgCode(38, false), gkEpsgCode(39, false)]).toEqual([4526, 4527, 4547, 4548]);
    expect(gkDefinitions()).toHaveLength(42);
  });

  it('puts 117°E 36°N on the central meridian of zone 39 at the meridian arc length', () => {
    const p = toGk(117, 36);
    expect(p.zone).toBe(39);
    expect(p.y).toBeCloseTo(39_500_000, 3);
    expect(p.x).toBeCloseTo(meridianArc(36), 3);
    expect(p.x).toBeGreaterThan(3_985_000);
    expect(p.x).toBeLessThan(3_986_000);
  });

  it('agrees with the textbook series off the meridian, on both sides of the 115.5°E zone border', () => {
    for (const [lon, lat, zone] of [
      [115.98, 36.45, 39],
      [116.55, 37.03, 39],
      [115.52, 36.2, 39],
      [115.3, 36.4, 38],
    ] as const) {
      const p = toGk(lon, lat);
      const expected = gkSeries(lon, lat, zone * 3);
      expect(p.zone).toBe(zone);
      expect(p.x).toBeCloseTo(expected.x, 2);
      expect(p.y).toBeCloseTo(zone * 1_000_000 + 500_000 + expected.y, 2);
    }
  });

  it('goes back from X/Y, reading the zone from the easting', () => {
    const p = toGk(115.3, 36.4);
    const [lon, lat] = fromGk(p.x, p.y);
    expect(lon).toBeCloseTo(115.3, 9);
    expect(lat).toBeCloseTo(36.4, 9);
  });

  it('registers the EPSG codes with proj4', () => {
    registerGkDefinitions();
    const [y = 0, x = 0] = proj4('EPSG:4326', 'EPSG:4527', [117, 36]);
    expect(y).toBeCloseTo(39_500_000, 3);
    expect(x).toBeCloseTo(meridianArc(36), 3);
  });

  it('computes the planar area of a square laid out in the GK plane', () => {
    const corners = [
      [4_035_000, 39_420_000],
      [4_035_000, 39_421_000],
      [4_036_000, 39_421_000],
      [4_036_000, 39_420_000],
    ].map(([x = 0, y = 0]) => fromGk(x, y));
    const ring = [...corners, corners[0]!];
    expect(gkPlanarArea([ring])).toBeCloseTo(1_000_000, 2);
    const hole = [
      [4_035_400, 39_420_400],
      [4_035_400, 39_420_600],
      [4_035_600, 39_420_600],
      [4_035_600, 39_420_400],
    ].map(([x = 0, y = 0]) => fromGk(x, y));
    expect(gkPlanarArea([ring, hole])).toBeCloseTo(960_000, 2);
  });
});
