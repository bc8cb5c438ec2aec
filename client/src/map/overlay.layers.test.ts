import { describe, expect, it } from 'vitest';
import { absoluteTileUrl, overlayKeyOfSource, overlayLayerSpecs, overlaySource, overlaySourceId, type OverlayLayer } from './overlay.layers';

const farmland: OverlayLayer = {
  key: 'farmland',
  geometryType: 'polygon',
  style: { fill: '#f9a825', fillOpacity: 0.45, line: '#c17900', lineWidth: 0.6 },
  tiles: '/tiles/farmland/{z}/{x}/{y}.pbf?v=3',
  opacity: 1,
};

describe('overlay layers', () => {
  it('reads the tiles of the layer key from the same origin, braces intact', () => {
    expect(absoluteTileUrl(farmland.tiles, 'http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000/tiles/farmland/{z}/{x}/{y}.pbf?v=3');
    expect(overlaySource(farmland, 'http://h')).toMatchObject({ type: 'vector', tiles: ['http://h/tiles/farmland/{z}/{x}/{y}.pbf?v=3'] });
    expect(overlayKeyOfSource(overlaySourceId('stock-land'))).toBe('stock-land');
    expect(overlayKeyOfSource('regions')).toBeNull();
  });

  it('draws a polygon layer as fill and outline from its style, scaled by the opacity', () => {
    const [fill, line] = overlayLayerSpecs({ ...farmland, opacity: 0.5 }) as Array<{ id: string; type: string; paint: Record<string, unknown>; 'source-layer': string }>;
    expect(fill).toMatchObject({ id: 'overlay-farmland-fill', type: 'fill', 'source-layer': 'farmland' });
    expect(fill?.paint).toEqual({ 'fill-color': '#f9a825', 'fill-opacity': 0.225 });
    expect(line?.paint).toEqual({ 'line-color': '#c17900', 'line-width': 0.6, 'line-opacity': 0.5 });
  });

  it('turns lineDash into line-dasharray and draws line layers as lines only', () => {
    const boundary = overlayLayerSpecs({ ...farmland, key: 'tdb', style: { fill: '#e53935', fillOpacity: 0.08, line: '#c62828', lineWidth: 1.5, lineDash: [4, 2] } });
    expect((boundary[1] as { paint: Record<string, unknown> }).paint['line-dasharray']).toEqual([4, 2]);
    const rivers = overlayLayerSpecs({ ...farmland, key: 'rivers', geometryType: 'line', style: { line: '#4fa3e0', lineWidth: 2 } });
    expect(rivers.map((l) => l.type)).toEqual(['line']);
  });
});
