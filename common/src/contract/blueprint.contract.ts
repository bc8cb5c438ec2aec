import type { Geometry } from 'geojson';
import { z } from 'zod';
import { LAYER_GROUPS, LAYER_KINDS, type LabelledAttribute, type LayerKind } from '../layers.ts';
import { routeTable } from './route.ts';

export type { LabelledAttribute, LayerAttribute, LayerGroup, LayerInfo, LayerKind, LayerStyle } from '../layers.ts';

/** The most features one bbox query returns. */
export const MAX_BBOX_FEATURES = 5000;

const lon = z.coerce.number({ error: '经度必须是数字' }).min(-180, '经度超出范围').max(180, '经度超出范围');
const lat = z.coerce.number({ error: '纬度必须是数字' }).min(-90, '纬度超出范围').max(90, '纬度超出范围');

/** GET /api/layers/{key}/features */
export const bboxQuery = z.object({
  bbox: z
    .string({ error: '请提供 bbox=最小经度,最小纬度,最大经度,最大纬度' })
    .transform((s) => s.split(',').map(Number))
    .refine((a) => a.length === 4 && a.every(Number.isFinite), 'bbox 须为 4 个数字：最小经度,最小纬度,最大经度,最大纬度')
    .refine((a) => a[0]! < a[2]! && a[1]! < a[3]!, 'bbox 的最小值须小于最大值')
    .refine((a) => a[0]! >= -180 && a[2]! <= 180 && a[1]! >= -90 && a[3]! <= 90, 'bbox 须为经纬度（EPSG:4326）')
    .transform((a) => a as [number, number, number, number]),
  limit: z.coerce.number().int().min(1).max(MAX_BBOX_FEATURES, `limit 最大 ${MAX_BBOX_FEATURES}`).default(1000),
});

/** GET /api/layers/features-at */
export const pointQuery = z.object({
  lon,
  lat,
  radius: z.coerce.number().min(0).max(5000, '查询半径最大 5000 米').default(0),
  layers: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : undefined)),
});

/** The `:id` of GET /api/layers/{key}/features/{id}. */
export const featureId = z.coerce.number({ error: '要素编号必须是整数' }).int('要素编号必须是整数').positive('要素编号必须是正整数');

/** GET /api/layers/{key}/export */
export const exportQuery = z.object({
  format: z.enum(['geojson', 'shapefile', 'coordinate-file'], { error: '导出格式须为 geojson、shapefile 或 coordinate-file（坐标文件）' }),
  zone: z.coerce.number().int().refine((z) => z === 38 || z === 39, '聊城市只涉及 38、39 带（3 度带）').optional(),
  projected: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  encoding: z.enum(['gbk', 'utf8'], { error: '编码须为 gbk 或 utf8' }).default('gbk'),
  ids: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'ids 须为逗号分隔的要素编号')
    .transform((s) => s.split(',').map(Number))
    .optional(),
  bbox: z
    .string()
    .transform((s) => s.split(',').map(Number))
    .refine((a) => a.length === 4 && a.every(Number.isFinite) && a[0]! < a[2]! && a[1]! < a[3]!, 'bbox 须为 最小经度,最小纬度,最大经度,最大纬度')
    .transform((a) => a as [number, number, number, number])
    .optional(),
});

const crsField = z
  .string()
  .trim()
  .regex(/^(EPSG:)?\d{4,5}$/i, '坐标系须写成 EPSG 代码，如 EPSG:4527')
  .transform((s) => Number(s.replace(/^EPSG:/i, '')))
  .optional()
  .or(z.literal('').transform(() => undefined));

/** The text fields of POST /api/geo/parse (multipart, beside `file`). */
export const uploadFields = z.object({ crs: crsField, layer: z.string().max(128).optional() });

/** POST /api/layers: a new layer from a file. */
export const createLayerFields = uploadFields.extend({
  name: z.string({ error: '请填写图层名称' }).trim().min(1, '请填写图层名称').max(64, '图层名称最多 64 个字'),
  group: z.enum(LAYER_GROUPS, { error: `图层分组须为：${LAYER_GROUPS.join('、')}` }),
  kind: z.enum(LAYER_KINDS, { error: `图层类型须为：${LAYER_KINDS.join('、')}` }),
  description: z.string().max(500).optional(),
});

/** POST /api/layers/{key}/import */
export const importFields = uploadFields.extend({
  mode: z.enum(['append', 'replace'], { error: '导入方式须为 append（追加）或 replace（替换）' }),
});

const layerKey = z.object({ key: z.string() });
const layerFeature = z.object({ key: z.string(), id: featureId });
const tileAddress = z.object({
  layer: z.string(),
  z: z.string().regex(/^\d{1,8}$/),
  x: z.string().regex(/^\d{1,8}$/),
  y: z.string().regex(/^\d{1,8}\.pbf$/).describe('行号加 .pbf，如 3.pbf'),
});

/** One hit of the identify query (`GET /api/layers/features-at`). */
export interface IdentifiedFeature {
  id: number;
  layer: string;
  layerName: string;
  kind: LayerKind;
  properties: Record<string, unknown>;
  /** Chinese labels, in display order. */
  attributes: LabelledAttribute[];
  geometry: Geometry;
}

/** GET /api/layers/features-at */
export interface FeaturesAt {
  features: IdentifiedFeature[];
}

/** One feature of a layer with its full geometry (`GET /api/layers/{key}/features/{id}`). */
export interface LayerFeature {
  id: number;
  layer: string;
  layerName: string;
  properties: Record<string, unknown>;
  geometry: Geometry;
}

export const blueprintRoutes = routeTable('blueprint', [
  { method: 'get', path: '/api/layers', summary: '可见图层列表（含瓦片地址与版本）', response: { status: 200, description: 'LayerInfo[]' }, errors: [401] },
  { method: 'get', path: '/api/layers/features-at', summary: '点查：某点处各可见图层的要素', query: pointQuery, response: { status: 200, description: '{ features: IdentifiedFeature[] }' }, errors: [400, 401] },
  { method: 'get', path: '/api/layers/{key}', summary: '图层信息', params: layerKey, response: { status: 200, description: 'LayerInfo' }, errors: [401, 404] },
  { method: 'get', path: '/api/layers/{key}/features', summary: '范围内的要素（GeoJSON）', params: layerKey, query: bboxQuery, response: { status: 200, description: 'GeoJSON FeatureCollection' }, errors: [400, 401, 404] },
  { method: 'get', path: '/api/layers/{key}/features/{id}', summary: '单个要素（完整几何）', params: layerFeature, response: { status: 200, description: 'LayerFeature' }, errors: [400, 401, 404] },
  { method: 'post', path: '/api/layers', summary: '由文件新建图层（GeoJSON、shapefile、KML/KMZ、坐标文件）', upload: createLayerFields, response: { status: 201, description: '新图层与导入报告' }, errors: [400, 401, 403, 409] },
  { method: 'post', path: '/api/layers/{key}/import', summary: '向图层导入要素（追加或替换）', params: layerKey, upload: importFields, response: { status: 200, description: '导入结果与报告' }, errors: [400, 401, 403, 404, 409] },
  {
    method: 'get', path: '/api/layers/{key}/export', summary: '导出图层或所选要素（GeoJSON、shapefile、坐标文件）', params: layerKey, query: exportQuery,
    response: { status: 200, description: '文件（X-Export-Report 头给出转换说明）', contentType: 'application/octet-stream' }, errors: [400, 401, 404],
  },
  { method: 'post', path: '/api/geo/parse', summary: '解析文件并预览要素，不保存', upload: uploadFields, response: { status: 200, description: '要素、坐标系与检查结果' }, errors: [400, 401] },
  {
    method: 'get', path: '/tiles/{layer}/{z}/{x}/{y}', summary: '矢量瓦片 /tiles/{图层}/{z}/{x}/{y}.pbf（?v=版本 时缓存一天）', params: tileAddress,
    response: { status: 200, description: 'Mapbox 矢量瓦片', contentType: 'application/vnd.mapbox-vector-tile' },
    otherStatuses: { 204: '该级别或范围内没有要素', 304: '未变化（ETag）' }, errors: [400, 401, 404],
  },
]);
