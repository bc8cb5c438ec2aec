import { routeTable } from './route.ts';

export type { MapConfig } from '../regions.ts';

export const mapConfigRoutes = routeTable('map-config', [
  { method: 'get', path: '/api/config/map', summary: '地图配置：可用底图（离线、天地图、自定义 XYZ）与初始视图', response: { status: 200, description: 'MapConfig' }, errors: [401] },
]);
