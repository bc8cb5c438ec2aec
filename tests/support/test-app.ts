import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { inject } from 'vitest';
import { createApp } from '../../server/src/app.ts';
import { loadConfig, type Config } from '../../server/src/config/config.ts';
import type { Database } from '../../server/src/db/database.ts';
import { openDatabase } from '../../server/src/db/open-database.ts';
import { TEST_PASSWORD } from './test-env.ts';

export interface TestContext {
  db: Database;
  config: Config;
  app: Express;
}

let context: Promise<TestContext> | undefined;

/** One database per worker, opened on first use and shared by every test file of the worker. */
export function testContext(): Promise<TestContext> {
  context ??= open();
  return context;
}

async function open(): Promise<TestContext> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  let dataDir = join(tmpdir(), 'unused');
  if (!databaseUrl) {
    dataDir = mkdtempSync(join(tmpdir(), 'ob-worker-'));
    cpSync(join(inject('templateDir'), 'pglite'), join(dataDir, 'pglite'), { recursive: true });
  }
  const config = loadConfig({ DATABASE_URL: databaseUrl ?? '', DATA_DIR: dataDir, DEMO_PASSWORD: TEST_PASSWORD });
  const db = await openDatabase({ databaseUrl, dataDir });
  return { db, config, app: createApp({ config, db, log: process.env.TEST_LOG ? console.error : () => {} }) };
}

/** An agent logged in as a demo user; its cookie jar carries the session. */
export async function loginAs(app: Express, username: string, password = TEST_PASSWORD) {
  const agent = request.agent(app);
  const res = await agent.post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return agent;
}
