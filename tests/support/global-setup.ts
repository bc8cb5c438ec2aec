import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../../server/src/bootstrap.ts';
import { TEST_PASSWORD } from './test-env.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDir: string;
  }
}

/**
 * Migrates and seeds once per run. On PostGIS (DATABASE_URL) that database is used by every worker;
 * on PGlite a template data directory is built here and each worker opens its own copy (PGlite is
 * single-process), which costs a ~5 s reopen instead of a ~20 s cold start plus seeding.
 */
export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'ob-test-'));
  const templateDir = join(root, 'template');
  const started = Date.now();
  const db = await prepareDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: templateDir, demoSeed: true, demoPassword: TEST_PASSWORD });
  console.log(`[test setup] ${db.engine} database migrated and seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await db.close();
  project.provide('templateDir', templateDir);
  return () => rmSync(root, { recursive: true, force: true });
}
