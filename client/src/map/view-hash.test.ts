import { describe, expect, it } from 'vitest';
import { formatHash, formatLayerList, formatView, parseHash, parseLayerList, parseView } from './view-hash';

describe('view hash', () => {
  it('reads zoom/lat/lon in MapLibre order', () => {
    expect(parseView('9.5/36.45/115.98')).toEqual({ center: [115.98, 36.45], zoom: 9.5, bearing: 0, pitch: 0 });
    expect(parseView('9/36/116/-20.5/30')).toEqual({ center: [116, 36], zoom: 9, bearing: -20.5, pitch: 30 });
  });

  it('rejects what is not a view', () => {
    for (const bad of ['', '9/36', 'a/b/c', '9/95/116', '9/36/200', '30/36/116', '9/36/116/0/0/0']) {
      expect(parseView(bad)).toBeNull();
    }
  });

  it('round-trips view and basemap and keeps foreign parameters', () => {
    const hash = formatHash('#sel=abc', {
      view: { center: [115.987654321, 36.456789123], zoom: 10.123, bearing: 0, pitch: 0 },
      basemapId: 'tianditu-img',
    });
    expect(hash).toBe('#map=10.12/36.4568/115.9877&base=tianditu-img&sel=abc');
    const parsed = parseHash(hash);
    expect(parsed.basemapId).toBe('tianditu-img');
    expect(parsed.view?.zoom).toBe(10.12);
    expect(parsed.view?.center[0]).toBeCloseTo(115.9877, 6);
  });

  it('uses more decimals when zoomed in', () => {
    expect(formatView({ center: [116.123456789, 36.123456789], zoom: 18, bearing: 0, pitch: 0 })).toBe('18/36.123457/116.123457');
    expect(formatView({ center: [116, 36], zoom: 8, bearing: 12.34, pitch: 0 })).toBe('8/36/116/12.3');
  });

  it('drops our keys when there is nothing to write', () => {
    expect(formatHash('#map=9/36/116&base=offline', { view: null, basemapId: null })).toBe('');
    expect(formatHash('#map=9/36/116&layers=farmland', { view: null, layers: [] })).toBe('');
  });

  it('reads visible layers with their opacity in per cent', () => {
    expect(parseLayerList('farmland,stock-land:60')).toEqual([
      { key: 'farmland', opacity: 1 },
      { key: 'stock-land', opacity: 0.6 },
    ]);
    expect(parseHash('#map=9/36/116&layers=rivers:0').layers).toEqual([{ key: 'rivers', opacity: 0 }]);
    expect(parseHash('#map=9/36/116').layers).toBeNull();
    expect(parseHash('#layers=').layers).toEqual([]);
  });

  it('skips what is not a layer and clamps opacity', () => {
    expect(parseLayerList('farmland,,bad key,farmland:20,lakes:150,roads:x,rivers:-5,heritage:')).toEqual([
      { key: 'farmland', opacity: 1 },
      { key: 'lakes', opacity: 1 },
      { key: 'rivers', opacity: 0 },
    ]);
  });

  it('writes layers after view and basemap and leaves the parts it is not given alone', () => {
    expect(formatLayerList([{ key: 'farmland', opacity: 1 }, { key: 'stock-land', opacity: 0.604 }])).toBe('farmland,stock-land:60');
    const withLayers = formatHash('#map=9/36/116&base=offline&sel=1', { layers: [{ key: 'farmland', opacity: 0.5 }] });
    expect(withLayers).toBe('#map=9/36/116&base=offline&layers=farmland:50&sel=1');
    const moved = formatHash(withLayers, { view: { center: [116.5, 36.5], zoom: 10, bearing: 0, pitch: 0 }, basemapId: 'offline' });
    expect(moved).toBe('#map=10/36.5/116.5&base=offline&layers=farmland:50&sel=1');
    expect(parseHash(moved).layers).toEqual([{ key: 'farmland', opacity: 0.5 }]);
  });
});
