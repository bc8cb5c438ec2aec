import { z } from 'zod';
import { apiRoutes } from '../../../common/src/contract/index.ts';
import type { ErrorStatus, RouteContract } from '../../../common/src/contract/route.ts';

/**
 * The API as OpenAPI 3.1 (GET /api/openapi.json), generated from the route tables in
 * `common/src/contract/` only: request schemas are the zod schemas the server validates with, so the
 * document cannot drift from what is accepted, and a test keeps the tables equal to the Express routes.
 */
type JsonSchema = Record<string, unknown>;

const schema = (s: z.ZodType): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

const ERROR_RESPONSES: Record<ErrorStatus, [name: string, description: string]> = {
  400: ['BadRequest', '输入无效（中文原因）'],
  401: ['Unauthenticated', '未登录或会话已失效'],
  403: ['Forbidden', '没有该操作的权限'],
  404: ['NotFound', '记录不存在或无权访问'],
  409: ['Conflict', '与当前状态冲突（如审查进行中、余额不足、重复提交）'],
  429: ['TooManyRequests', '请求过于频繁（如密码错误次数过多，账号暂时锁定）'],
};

function parameters(route: RouteContract): JsonSchema[] {
  const out: JsonSchema[] = [];
  const pathProps = (route.params ? (schema(route.params).properties as Record<string, JsonSchema>) : {}) ?? {};
  for (const [, name] of route.path.matchAll(/\{(\w+)\}/g)) {
    const s = pathProps[name!] ?? { type: 'string' };
    const { description, ...rest } = s;
    out.push({ name, in: 'path', required: true, schema: rest, ...(description ? { description } : {}) });
  }
  if (route.query) {
    const q = schema(route.query);
    const required = new Set((q.required as string[] | undefined) ?? []);
    for (const [name, s] of Object.entries((q.properties as Record<string, JsonSchema>) ?? {})) {
      out.push({ name, in: 'query', required: required.has(name), schema: s });
    }
  }
  return out;
}

function requestBody(route: RouteContract): JsonSchema | undefined {
  if (route.body) return { required: true, content: { 'application/json': { schema: schema(route.body) } } };
  if (route.upload) {
    const fields = schema(route.upload);
    const properties = { file: { type: 'string', format: 'binary' }, ...((fields.properties as object) ?? {}) };
    const required = ['file', ...((fields.required as string[] | undefined) ?? [])];
    return { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties, required } } } };
  }
  return undefined;
}

function responses(route: RouteContract): JsonSchema {
  const { status, description, contentType = 'application/json' } = route.response;
  const out: JsonSchema = { [status]: { description, ...(contentType ? { content: { [contentType]: {} } } : {}) } };
  for (const [other, text] of Object.entries(route.otherStatuses ?? {})) out[other] = { description: text };
  const errors = new Set<ErrorStatus>(route.errors);
  if (route.auth !== false) errors.add(401);
  for (const e of [...errors].sort()) out[e] = { $ref: `#/components/responses/${ERROR_RESPONSES[e][0]}` };
  return out;
}

function operation(route: RouteContract & { tag: string }): JsonSchema {
  const params = parameters(route);
  const body = requestBody(route);
  return {
    operationId: `${route.method}${route.path.replace(/\{(\w+)\}/g, 'By-$1').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(route.auth === false ? { security: [] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: responses(route),
  };
}

export function buildOpenApiDocument(routes: readonly (RouteContract & { tag: string })[] = apiRoutes): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    if (item[route.method]) throw new Error(`OpenAPI: ${route.method.toUpperCase()} ${route.path} 在路由表中出现了两次`);
    item[route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '一张蓝图 OneBlueprint API',
      version: '1.0.0',
      description: '聊城市重点项目全周期协同管理系统。会话 Cookie 认证（POST /api/auth/login）；错误响应统一为 { error: { code, message, details? } }，message 为中文。',
    },
    servers: [{ url: '/' }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ob_session' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } } },
        },
      },
      responses: Object.fromEntries(
        Object.values(ERROR_RESPONSES).map(([name, description]) => [name, { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]),
      ),
    },
    security: [{ session: [] }],
    paths,
  };
}

let cached: JsonSchema | undefined;

export function openApiDocument(): object {
  cached ??= buildOpenApiDocument();
  return cached;
}
