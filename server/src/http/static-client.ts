import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type RequestHandler, Router } from 'express';

/** Serves the built client with SPA fallback: unknown non-API paths get index.html. */
export function staticClient(distDir: string): RequestHandler {
  const r = Router();
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) {
    r.get('/', (_req, res) => {
      res.status(503).type('text/plain; charset=utf-8').send('客户端尚未构建：请运行 npm run build，或使用 npm start（会自动构建）。');
    });
    return r;
  }
  // Hashed assets are immutable; index.html must always be revalidated.
  r.use('/assets', express.static(join(distDir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  r.use(express.static(distDir, { index: false, maxAge: '1h' }));
  r.get(/^\/(?!api\/|tiles\/).*/, (_req, res) => {
    res.set('Cache-Control', 'no-cache').sendFile(index);
  });
  return r;
}
