/**
 * Registry entries for the generated demo layers (data/demo/<key>.geojson). Kinds decide how the siting
 * analysis treats a layer: hard = forbidden to overlap, soft = needs adjustment, capacity / opportunity /
 * reference = read for context.
 */
export interface LayerStyle {
  fill?: string;
  fillOpacity?: number;
  line?: string;
  lineWidth?: number;
  lineDash?: number[];
}

export interface DemoLayer {
  key: string;
  name: string;
  group: '三区三线' | '国土空间规划' | '产业规划' | '生态环境' | '能源' | '土地' | '基础设施' | '项目';
  kind: 'hard' | 'soft' | 'reference' | 'capacity' | 'opportunity';
  geometryType: 'polygon' | 'line' | 'point';
  department: string | null;
  style: LayerStyle;
  attributes: { key: string; label: string; type: 'string' | 'number' | 'boolean' | 'array' | 'object' }[];
  description: string;
}

const name = { key: 'name', label: '名称', type: 'string' } as const;
const county = { key: 'county', label: '县级行政区代码', type: 'string' } as const;
const zone = { key: 'zone', label: '所在开发区代码', type: 'string' } as const;
const code = (label: string) => ({ key: 'code', label, type: 'string' }) as const;
const industries = [
  { key: 'leadingIndustries', label: '主导产业', type: 'array' },
  { key: 'industryCodes', label: '行业代码（GB/T 4754）', type: 'array' },
] as const;

export const DEMO_LAYERS: DemoLayer[] = [
  { key: 'ecological-redline', name: '生态保护红线', group: '三区三线', kind: 'hard', geometryType: 'polygon', department: 'zrzy',
    style: { fill: '#2e7d32', fillOpacity: 0.35, line: '#1b5e20', lineWidth: 1.2 },
    attributes: [name, { key: 'type', label: '类型', type: 'string' }, county], description: '沿黄河、京杭大运河廊道与东昌湖划定的生态保护红线（演示数据）' },
  { key: 'farmland', name: '永久基本农田', group: '三区三线', kind: 'hard', geometryType: 'polygon', department: 'zrzy',
    style: { fill: '#f9a825', fillOpacity: 0.45, line: '#c17900', lineWidth: 0.6 },
    attributes: [code('图斑编号'), county, { key: 'landClass', label: '地类', type: 'string' }, { key: 'quality', label: '耕地质量等别', type: 'number' }],
    description: '永久基本农田保护图斑（演示数据）' },
  { key: 'town-development-boundary', name: '城镇开发边界', group: '三区三线', kind: 'soft', geometryType: 'polygon', department: 'zrzy',
    style: { fill: '#e53935', fillOpacity: 0.08, line: '#c62828', lineWidth: 1.5, lineDash: [4, 2] },
    attributes: [name, county], description: '各县（市、区）中心城区城镇开发边界（演示数据）' },
  { key: 'water-source-protection', name: '饮用水水源保护区', group: '生态环境', kind: 'hard', geometryType: 'polygon', department: 'sthj',
    style: { fill: '#0288d1', fillOpacity: 0.35, line: '#01579b', lineWidth: 1 },
    attributes: [name, { key: 'level', label: '保护级别', type: 'string' }, { key: 'sourceType', label: '水源类型', type: 'string' }, county], description: '饮用水水源一级、二级保护区（演示数据）' },
  { key: 'environmental-control-units', name: '环境管控单元', group: '生态环境', kind: 'capacity', geometryType: 'polygon', department: 'sthj',
    style: { fill: '#7e57c2', fillOpacity: 0.12, line: '#5e35b1', lineWidth: 0.8 },
    attributes: [code('单元编码'), name, county, zone, { key: 'category', label: '单元类别', type: 'string' }, { key: 'requirement', label: '管控要求', type: 'string' }, { key: 'capacity', label: '剩余排放容量（吨/年）', type: 'object' }],
    description: '“三线一单”环境管控单元及剩余污染物排放容量（演示数据）' },
  { key: 'development-zones', name: '开发区', group: '产业规划', kind: 'opportunity', geometryType: 'polygon', department: 'fgw',
    style: { fill: '#8e24aa', fillOpacity: 0.12, line: '#6a1b9a', lineWidth: 1.5, lineDash: [3, 2] },
    attributes: [name, code('开发区代码'), { key: 'level', label: '级别', type: 'string' }, county, ...industries],
    description: '市级开发区范围与主导产业（演示数据）' },
  { key: 'industrial-parks', name: '产业园区', group: '产业规划', kind: 'opportunity', geometryType: 'polygon', department: 'gxj',
    style: { fill: '#ef6c00', fillOpacity: 0.18, line: '#e65100', lineWidth: 1 },
    attributes: [name, code('园区编码'), county, zone, { key: 'level', label: '级别', type: 'string' }, ...industries],
    description: '各县（市、区）产业园区与主导产业集群（演示数据）' },
  { key: 'stock-land', name: '存量土地', group: '土地', kind: 'opportunity', geometryType: 'polygon', department: 'zrzy',
    style: { fill: '#6d4c41', fillOpacity: 0.35, line: '#4e342e', lineWidth: 0.8 },
    attributes: [code('地块编号'), county, { key: 'kind', label: '类型', type: 'string' }, { key: 'plannedUse', label: '规划用途', type: 'string' }, { key: 'areaMu', label: '面积（亩）', type: 'number' }, zone, { key: 'zoneName', label: '所在开发区', type: 'string' }, { key: 'park', label: '所在园区', type: 'string' }],
    description: '批而未供、闲置与储备土地（演示数据）' },
  { key: 'heritage', name: '文物保护范围', group: '国土空间规划', kind: 'soft', geometryType: 'polygon', department: 'wlj',
    style: { fill: '#ad1457', fillOpacity: 0.2, line: '#880e4f', lineWidth: 1 },
    attributes: [name, { key: 'level', label: '保护级别', type: 'string' }, { key: 'category', label: '类别', type: 'string' }, { key: 'control', label: '管控要求', type: 'string' }, county], description: '大运河遗产保护带与重点文物保护范围（演示数据）' },
  { key: 'rivers', name: '主要河流', group: '国土空间规划', kind: 'reference', geometryType: 'line', department: 'slj',
    style: { line: '#4fa3e0', lineWidth: 2 }, attributes: [name, { key: 'kind', label: '类型', type: 'string' }], description: '黄河、京杭大运河、徒骇河、马颊河、卫运河（演示数据）' },
  { key: 'lakes', name: '湖泊水面', group: '国土空间规划', kind: 'reference', geometryType: 'polygon', department: 'slj',
    style: { fill: '#9fd3f5', fillOpacity: 0.9, line: '#4fa3e0', lineWidth: 0.8 }, attributes: [name, { key: 'kind', label: '类型', type: 'string' }, county], description: '东昌湖等水面（演示数据）' },
  { key: 'main-roads', name: '主要道路', group: '基础设施', kind: 'reference', geometryType: 'line', department: null,
    style: { line: '#ff8f00', lineWidth: 2 }, attributes: [name, { key: 'ref', label: '编号', type: 'string' }, { key: 'grade', label: '等级', type: 'string' }], description: '高速公路、国道、省道（演示数据）' },
];
