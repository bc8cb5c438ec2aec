import { routeTable } from './route.ts';

export type { Health } from '../regions.ts';

export const healthRoutes = routeTable('health', [
  { method: 'get', path: '/api/health', summary: '运行状态：数据库引擎、PostGIS 版本、结构版本', auth: false, response: { status: 200, description: 'Health' }, errors: [] },
  { method: 'get', path: '/api/openapi.json', summary: '本接口文档（OpenAPI 3.1）', auth: false, response: { status: 200, description: 'OpenAPI 文档' }, errors: [] },
]);
