export const LAYER_GROUPS = ['三区三线', '国土空间规划', '产业规划', '生态环境', '能源', '土地', '基础设施', '项目'] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];

export const LAYER_KINDS = ['hard', 'soft', 'reference', 'capacity', 'opportunity'] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

export const LAYER_KIND_LABELS: Record<LayerKind, string> = {
  hard: '刚性约束',
  soft: '弹性约束',
  reference: '参考',
  capacity: '容量',
  opportunity: '选址机会',
};

export interface LayerStyle {
  fill?: string;
  fillOpacity?: number;
  line?: string;
  lineWidth?: number;
  lineDash?: number[];
}

export interface LayerAttribute {
  key: string;
  label: string;
  type: string;
}

export interface LayerInfo {
  key: string;
  name: string;
  group: LayerGroup;
  kind: LayerKind;
  geometryType: 'polygon' | 'line' | 'point';
  style: LayerStyle;
  attributes: LayerAttribute[];
  sourceDepartment: { code: string; name: string } | null;
  dataDate: string | null;
  version: number;
  featureCount: number;
  /** Below this zoom the layer's tiles are empty (dense layers); the map should not request them. */
  minZoom: number;
  bbox: [number, number, number, number] | null;
  isDemo: boolean;
  description: string;
  /** Tile URL template with the version, so a data change gives new URLs and old tiles stay cacheable. */
  tiles: string;
}

export interface LabelledAttribute {
  key: string;
  label: string;
  value: unknown;
}
