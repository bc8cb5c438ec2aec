import { describe, expect, it } from 'vitest';
import type { IdentifiedFeature, LayerInfo } from '../../api/api.types';
import { hitSummary, identifyRequests, orderHits } from './identify-query';

const layer = (key: string, geometryType: LayerInfo['geometryType']) => ({ key, geometryType }) as LayerInfo;
const hit = (layerKey: string, id: number, attributes: IdentifiedFeature['attributes'] = []) =>
  ({ id, layer: layerKey, layerName: layerKey, kind: 'hard', properties: {}, attributes, geometry: { type: 'Point', coordinates: [0, 0] } }) as IdentifiedFeature;

describe('identify', () => {
  it('asks areas at the point and lines within a few pixels', () => {
    const requests = identifyRequests({ lon: 116, lat: 36.4, metresPerPixel: 2.5 }, [layer('farmland', 'polygon'), layer('rivers', 'line'), layer('lakes', 'polygon')]);
    expect(requests).toEqual([
      { lon: 116, lat: 36.4, radius: 0, layers: ['farmland', 'lakes'] },
      { lon: 116, lat: 36.4, radius: 10, layers: ['rivers'] },
    ]);
    expect(identifyRequests({ lon: 116, lat: 36, metresPerPixel: 1 }, [])).toEqual([]);
  });

  it('orders hits as the layer tree does', () => {
    const ordered = orderHits([hit('rivers', 1), hit('farmland', 9), hit('farmland', 3)], ['farmland', 'rivers']);
    expect(ordered.map((h) => `${h.layer}#${h.id}`)).toEqual(['farmland#3', 'farmland#9', 'rivers#1']);
  });

  it('names a hit by its first attribute', () => {
    expect(hitSummary(hit('farmland', 1, [{ key: 'code', label: '图斑编号', value: '371502-JBNT-000001' }]))).toBe('图斑编号：371502-JBNT-000001');
    expect(hitSummary(hit('x', 7))).toBe('编号 7');
  });
});
