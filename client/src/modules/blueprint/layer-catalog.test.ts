import { describe, expect, it } from 'vitest';
import type { LayerInfo } from '../../api/api.types';
import { groupLayers, overlaysFor, treeOrder } from './layer-catalog';

const layer = (key: string, group: LayerInfo['group'], geometryType: LayerInfo['geometryType'] = 'polygon'): LayerInfo => ({
  key,
  name: key,
  group,
  kind: 'reference',
  geometryType,
  style: {},
  attributes: [],
  sourceDepartment: null,
  dataDate: null,
  version: 1,
  featureCount: 1,
  minZoom: 0,
  bbox: null,
  isDemo: true,
  description: '',
  tiles: `/tiles/${key}/{z}/{x}/{y}.pbf?v=1`,
});

const layers = [layer('roads', '基础设施', 'line'), layer('stock', '土地'), layer('farmland', '三区三线'), layer('redline', '三区三线'), layer('rivers', '国土空间规划', 'line')];

describe('layer catalog', () => {
  it('lists every group in the fixed order, empty ones too', () => {
    expect(groupLayers(layers).map((g) => `${g.group}:${g.layers.length}`)).toEqual([
      '三区三线:2',
      '国土空间规划:1',
      '产业规划:0',
      '生态环境:0',
      '能源:0',
      '土地:1',
      '基础设施:1',
      '项目:0',
    ]);
    expect(treeOrder(layers).map((l) => l.key)).toEqual(['farmland', 'redline', 'rivers', 'stock', 'roads']);
  });

  it('draws areas first, then lines, the higher tree entry on top, with the chosen opacity', () => {
    const visible = ['roads', 'stock', 'farmland', 'redline', 'rivers'].map((key) => ({ key, opacity: key === 'stock' ? 0.6 : 1 }));
    const overlays = overlaysFor(layers, visible);
    expect(overlays.map((o) => o.key)).toEqual(['stock', 'redline', 'farmland', 'roads', 'rivers']);
    expect(overlays.find((o) => o.key === 'stock')?.opacity).toBe(0.6);
    expect(overlaysFor(layers, [{ key: 'unknown', opacity: 1 }])).toEqual([]);
  });
});
