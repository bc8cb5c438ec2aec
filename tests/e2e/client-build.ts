import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './e2e-config.ts';

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((entry) => entry !== 'node_modules' && entry !== 'dist')
    .reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), 0);
}

/** Builds dist/client when it is missing or older than the sources it is built from. */
export async function ensureClientBuilt(log: (line: string) => void): Promise<void> {
  const index = join(ROOT, 'dist/client/index.html');
  const sources = ['client', 'common/src', 'vite.config.ts', 'package-lock.json'].map((p) => join(ROOT, p));
  if (existsSync(index) && sources.every((p) => newestMtime(p) <= statSync(index).mtimeMs)) return;
  log('building client (vite build)…');
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}
