import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { bboxOfAll } from './geometry-bbox';
import { siteCandidates } from './site-candidates';

const square = (x: number, y: number, d: number) => [
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
];

describe('siteCandidates', () => {
  it('lists polygons and multipolygon parts with a name, skips lines and points', () => {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: '地块甲' }, geometry: { type: 'Polygon', coordinates: square(116, 36.4, 0.01) } },
        { type: 'Feature', properties: { DKBH: 'DK02' }, geometry: { type: 'MultiPolygon', coordinates: [square(116.1, 36.4, 0.01), square(116.2, 36.4, 0.02)] } },
        { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[116, 36], [116.1, 36]] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [...square(116, 36.5, 0.02), square(116.005, 36.505, 0.005)[0]!] } },
      ],
    };
    const list = siteCandidates(fc);
    expect(list.map((c) => c.label)).toEqual(['地块甲', 'DK02（第 1 部分）', 'DK02（第 2 部分）', '要素 4']);
    expect(list.map((c) => c.holes)).toEqual([0, 0, 0, 1]);
    // Four times the side → four times the area (within the change of scale across 0.01° of latitude).
    expect(list[2]!.mu / list[1]!.mu).toBeCloseTo(4, 2);
    // A 0.01° cell at 36.4°N: ≈ 1 113 m × 896 m ≈ 0.997 km² ≈ 1 496 亩 (15 亩 per 10 000 m²).
    const km2 = ((0.01 * Math.PI) / 180) ** 2 * 6371007 ** 2 * Math.cos((36.405 * Math.PI) / 180) / 1e6;
    expect(list[0]!.mu / ((km2 * 1e6 * 15) / 10000)).toBeCloseTo(1, 2);
  });

  it('gives the bbox of several geometries, null for none', () => {
    expect(bboxOfAll([{ type: 'Polygon', coordinates: square(116, 36.4, 0.01) }, { type: 'Point', coordinates: [115.9, 36.45] }])).toEqual([115.9, 36.4, 116.01, 36.45]);
    expect(bboxOfAll([])).toBeNull();
  });
});
