import { LAYER_GROUPS, LAYER_KIND_LABELS } from '../../../../common/src/layers.ts';
import type { LayerGroup, LayerInfo, LayerKind } from '../../api/api.types';
import type { LayerVisibility, OverlayLayer } from '../../map';

export { LAYER_KIND_LABELS };

/** antd Tag colours: constraints in warning colours, context in calm ones. */
export const KIND_TAG_COLOURS: Record<LayerKind, string> = {
  hard: 'red',
  soft: 'orange',
  capacity: 'purple',
  opportunity: 'green',
  reference: 'default',
};

export interface LayerGroupEntry {
  group: LayerGroup | string;
  layers: LayerInfo[];
}

/** Layers by group in the fixed group order; every fixed group is listed, empty or not. */
export function groupLayers(layers: LayerInfo[]): LayerGroupEntry[] {
  const known: string[] = [...LAYER_GROUPS];
  const extra = [...new Set(layers.map((l) => l.group as string).filter((g) => !known.includes(g)))];
  return [...known, ...extra].map((group) => ({ group, layers: layers.filter((l) => l.group === group) }));
}

/** The layers as the tree lists them, top to bottom. */
export const treeOrder = (layers: LayerInfo[]): LayerInfo[] => groupLayers(layers).flatMap((g) => g.layers);

const GEOMETRY_RANK: Record<LayerInfo['geometryType'], number> = { polygon: 0, line: 1, point: 2 };

/**
 * What the map draws, bottom first: areas under lines under points (a river stays visible over
 * farmland), and within each the layer higher in the tree on top.
 */
export function overlaysFor(layers: LayerInfo[], visible: LayerVisibility[]): OverlayLayer[] {
  const opacity = new Map(visible.map((v) => [v.key, v.opacity]));
  const ordered = treeOrder(layers);
  return ordered
    .filter((l) => opacity.has(l.key))
    .map((layer, i) => ({ layer, i }))
    .sort((a, b) => GEOMETRY_RANK[a.layer.geometryType] - GEOMETRY_RANK[b.layer.geometryType] || b.i - a.i)
    .map(({ layer }) => ({
      key: layer.key,
      geometryType: layer.geometryType,
      style: layer.style,
      tiles: layer.tiles,
      opacity: opacity.get(layer.key) ?? 1,
      minZoom: layer.minZoom ?? 0,
    }));
}
