import { describe, expect, it } from 'vitest';
import type { LayerInfo } from '../../../../../common/src/layers.ts';
import { FRAME_LEGEND, legendItems, MAX_LEGEND_ROWS } from './legend-items';

const layer = (key: string, extra: Partial<LayerInfo> = {}): LayerInfo => ({
  key,
  name: `图层${key}`,
  group: '土地',
  kind: 'reference',
  geometryType: 'polygon',
  style: { fill: '#ff0000', fillOpacity: 0.5, line: '#990000', lineWidth: 2 },
  attributes: [],
  sourceDepartment: null,
  dataDate: null,
  version: 1,
  featureCount: 1,
  bbox: null,
  isDemo: false,
  description: '',
  tiles: `/tiles/${key}/{z}/{x}/{y}.pbf`,
  minZoom: 0,
  ...extra,
});

describe('legendItems', () => {
  it('lists visible layers top first, then the preview, then the administrative frame', () => {
    const items = legendItems([layer('a'), layer('b', { isDemo: true, style: { line: '#00f', lineDash: [2, 2] }, geometryType: 'line' })], ['a', 'b'], { colour: '#d4148c' });
    expect(items.map((i) => i.label)).toEqual(['图层b（演示）', '图层a', '导入预览', ...FRAME_LEGEND.map((i) => i.label)]);
    expect(items[0]).toMatchObject({ shape: 'line', line: '#00f', dashed: true });
    expect(items[1]).toMatchObject({ shape: 'polygon', fill: '#ff0000', fillOpacity: 0.5, line: '#990000' });
  });

  it('skips hidden and unknown layers', () => {
    const items = legendItems([layer('a'), layer('b')], ['b', 'zz'], null);
    expect(items.map((i) => i.label)).toEqual(['图层b', ...FRAME_LEGEND.map((i) => i.label)]);
  });

  it('caps the rows and says how many were left out', () => {
    const many = Array.from({ length: 30 }, (_, i) => layer(String(i)));
    const items = legendItems(many, many.map((l) => l.key), null);
    expect(items).toHaveLength(MAX_LEGEND_ROWS);
    expect(items.at(-1)!.label).toBe(`等另外 ${30 + FRAME_LEGEND.length - (MAX_LEGEND_ROWS - 1)} 项`);
  });
});
