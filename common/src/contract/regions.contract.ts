import type { FeatureCollection, MultiPolygon } from 'geojson';
import { z } from 'zod';
import type { RegionProperties } from '../regions.ts';
import { routeTable } from './route.ts';

export type { RegionLevel, RegionProperties } from '../regions.ts';

/** GET /api/regions/at */
export const regionPointQuery = z.object({
  lon: z.coerce.number({ error: '经度必须是数字' }).min(-180, '经度超出范围').max(180, '经度超出范围'),
  lat: z.coerce.number({ error: '纬度必须是数字' }).min(-90, '纬度超出范围').max(90, '纬度超出范围'),
});

/** GET /api/regions */
export type RegionCollection = FeatureCollection<MultiPolygon, RegionProperties>;

export const regionsRoutes = routeTable('regions', [
  { method: 'get', path: '/api/regions', summary: '聊城市、县（市、区）与开发区边界（GeoJSON）', response: { status: 200, description: 'RegionCollection' }, errors: [401] },
  { method: 'get', path: '/api/regions/at', summary: '某点所在的县级行政区与开发区', query: regionPointQuery, response: { status: 200, description: '{ regions }' }, errors: [400, 401] },
]);
