import type { Express } from 'express';

interface RouterLayer {
  rawPath?: string | RegExp | unknown[];
  route?: { path: string; stack: { method?: string }[] };
  handle?: { stack?: RouterLayer[] };
}

/** `:id` → `{id}`; no trailing slash (a router's `'/'` under its mount path is the mount path). */
const openApiPath = (path: string) => (path.replace(/:(\w+)/g, '{$1}').replace(/\/+$/, '') || '/');

/**
 * Every operation the Express app serves, as "METHOD /openapi/{path}", found by walking the real router
 * stack (Express 5 / router 2: `app.router.stack`, mounted routers under `layer.handle.stack`, the
 * mount path in `layer.rawPath`).
 */
export function expressOperations(app: Express): string[] {
  const out = new Set<string>();
  const walk = (stack: RouterLayer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const path = openApiPath(prefix + layer.route.path);
        for (const { method } of layer.route.stack) if (method) out.add(`${method.toUpperCase()} ${path}`);
      } else if (Array.isArray(layer.handle?.stack)) {
        if (typeof layer.rawPath !== 'string') throw new Error(`a router mounted on a non-string path (${String(layer.rawPath)}): extend expressOperations`);
        walk(layer.handle.stack, prefix + (layer.rawPath === '/' ? '' : layer.rawPath));
      }
    }
  };
  walk((app as unknown as { router: { stack: RouterLayer[] } }).router.stack, '');
  return [...out].sort();
}
