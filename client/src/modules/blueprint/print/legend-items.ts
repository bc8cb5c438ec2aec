import type { LayerInfo } from '../../../../../common/src/layers.ts';

export interface LegendItem {
  label: string;
  shape: 'polygon' | 'line' | 'point';
  fill?: string;
  fillOpacity?: number;
  line?: string;
  lineWidth?: number;
  dashed?: boolean;
}

// The administrative frame every map shows (the same symbols as the on-screen legend, MapLegend).
export const FRAME_LEGEND: LegendItem[] = [
  { label: '市界', shape: 'line', line: '#17406d', lineWidth: 3 },
  { label: '县（市、区）界', shape: 'polygon', fill: '#c9e4c5', fillOpacity: 1, line: '#4f6478', lineWidth: 1 },
  { label: '开发区、度假区', shape: 'polygon', fill: '#f5a25d', fillOpacity: 0.3, line: '#c4501d', lineWidth: 2, dashed: true },
];

export const MAX_LEGEND_ROWS = 24;

export function layerLegendItem(layer: LayerInfo): LegendItem {
  const { style } = layer;
  return {
    label: layer.isDemo ? `${layer.name}（演示）` : layer.name,
    shape: layer.geometryType,
    fill: style.fill,
    fillOpacity: style.fillOpacity ?? 0.3,
    line: style.line ?? style.fill ?? '#3366cc',
    lineWidth: style.lineWidth ?? 1,
    dashed: !!style.lineDash?.length,
  };
}

/**
 * The legend of what is on the map: the thematic layers drawn now (top of the map first, as a
 * reader scans), then the import preview, then the administrative frame. Keys the list does not
 * know are skipped; past MAX_LEGEND_ROWS the rest is summed up in one row.
 */
export function legendItems(layers: LayerInfo[], visibleKeysBottomFirst: string[], preview: { colour: string } | null): LegendItem[] {
  const byKey = new Map(layers.map((l) => [l.key, l]));
  const thematic = [...visibleKeysBottomFirst]
    .reverse()
    .map((key) => byKey.get(key))
    .filter((l): l is LayerInfo => !!l)
    .map(layerLegendItem);
  const previewItem: LegendItem[] = preview ? [{ label: '导入预览', shape: 'polygon', fill: preview.colour, fillOpacity: 0.28, line: preview.colour, lineWidth: 2, dashed: true }] : [];
  const all = [...thematic, ...previewItem, ...FRAME_LEGEND];
  if (all.length <= MAX_LEGEND_ROWS) return all;
  const kept = all.slice(0, MAX_LEGEND_ROWS - 1);
  return [...kept, { label: `等另外 ${all.length - kept.length} 项`, shape: 'line', line: 'transparent', lineWidth: 0 }];
}
