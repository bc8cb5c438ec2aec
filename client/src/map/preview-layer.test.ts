import { describe, expect, it } from 'vitest';
import { collectionBounds } from './preview-layer';

describe('collectionBounds', () => {
  it('covers every ring of every feature, holes and points included', () => {
    const bounds = collectionBounds({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'Polygon',
            coordinates: [
              [[116, 36.4], [116.1, 36.4], [116.1, 36.5], [116, 36.4]],
              [[116.02, 36.42], [116.03, 36.42], [116.03, 36.43], [116.02, 36.42]],
            ],
          },
        },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [115.9, 36.45] } },
        { type: 'Feature', properties: {}, geometry: null as never },
      ],
    });
    expect(bounds).toEqual([115.9, 36.4, 116.1, 36.5]);
  });

  it('is null without coordinates', () => {
    expect(collectionBounds({ type: 'FeatureCollection', features: [] })).toBeNull();
  });
});
