import { describe, expect, it } from 'vitest';
import type { RegionCollection, RegionFeature } from '../api/api.types';
import { COUNTY_PALETTE, toRegionMapData } from './region-features';

function square(code: string, name: string, level: RegionFeature['properties']['level'], x: number, labelPoint?: [number, number]): RegionFeature {
  return {
    type: 'Feature',
    properties: { code, name, level, parentCode: null, labelPoint: labelPoint ?? null, isDemo: true },
    geometry: { type: 'MultiPolygon', coordinates: [[[[x, 36], [x + 1, 36], [x + 1, 37], [x, 37], [x, 36]]]] },
  };
}

const regions: RegionCollection = {
  type: 'FeatureCollection',
  features: [
    square('371500', '聊城市', 'city', 115),
    square('371521', '阳谷县', 'county', 115, [115.5, 36.5]),
    square('371502', '东昌府区', 'county', 116),
    square('371571', '聊城经济技术开发区', 'zone', 116.2, [116.3, 36.4]),
  ],
};

describe('toRegionMapData', () => {
  const data = toRegionMapData(regions);

  it('labels counties and zones but not the city', () => {
    expect(data.labels.features.map((f) => f.properties.name)).toEqual(['阳谷县', '东昌府区', '聊城经济技术开发区']);
  });

  it('puts labels on the server label point, or inside the polygon when there is none', () => {
    expect(data.labels.features[0]?.geometry.coordinates).toEqual([115.5, 36.5]);
    const [lon = 0, lat = 0] = data.labels.features[1]?.geometry.coordinates ?? [];
    expect(lon).toBeGreaterThanOrEqual(116);
    expect(lon).toBeLessThanOrEqual(117);
    expect(lat).toBeGreaterThanOrEqual(36);
    expect(lat).toBeLessThanOrEqual(37);
  });

  it('colours counties by code order', () => {
    const fill = (name: string) => data.areas.features.find((f) => f.properties.name === name)?.properties.fill;
    expect(fill('东昌府区')).toBe(COUNTY_PALETTE[0]);
    expect(fill('阳谷县')).toBe(COUNTY_PALETTE[1]);
  });
});
