import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Runs `npm start`'s entry point with the given environment and returns its exit code and output. */
function start(env: Record<string, string>, timeoutMs = 90_000): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

function expectOneClearLine(out: string, pattern: RegExp) {
  const failure = out.split('\n').filter((l) => l.startsWith('启动失败'));
  expect(failure).toHaveLength(1);
  expect(failure[0]).toMatch(pattern);
  expect(out).not.toMatch(/\n\s+at /); // no stack trace
}

describe('start-up failures: one clear line, non-zero exit, no stack trace', () => {
  it('database unreachable', async () => {
    const { code, out } = await start({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', PORT: '0' });
    expect(code).toBe(1);
    expectOneClearLine(out, /无法连接数据库 .*连接被拒绝.*请确认 PostgreSQL 已启动/);
  });

  it('port taken', async () => {
    const blocker = createServer().listen(0, '0.0.0.0');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { code, out } = await start({ PORT: String(port), DATA_DIR: mkdtempSync(join(tmpdir(), 'ob-port-')) });
      expect(code).toBe(1);
      expectOneClearLine(out, new RegExp(`端口 ${port} 已被占用.*PORT`));
    } finally {
      blocker.close();
    }
  });

  it('data directory not writable', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ob-dir-')), 'a-file');
    writeFileSync(file, 'not a directory');
    const { code, out } = await start({ DATA_DIR: join(file, 'data'), PORT: '0' });
    expect(code).toBe(1);
    expectOneClearLine(out, /数据目录 .* 不可写.*DATA_DIR/);
  });

  it('invalid configuration value', async () => {
    const { code, out } = await start({ PORT: 'abc' });
    expect(code).toBe(1);
    expectOneClearLine(out, /配置项 PORT 无效/);
  });

  it.runIf(Boolean(process.env.DATABASE_URL))('PostGIS cannot be created by an unprivileged user', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    const dbName = `ob_nopostgis_${process.pid}`;
    try {
      await admin.query(`drop database if exists ${dbName}`);
      await admin.query(`do $$ begin if not exists (select 1 from pg_roles where rolname = 'ob_plain') then create role ob_plain login; end if; end $$`);
      await admin.query(`create database ${dbName} owner ob_plain`);
      const plain = new URL(url.toString());
      plain.username = 'ob_plain';
      plain.password = '';
      plain.pathname = `/${dbName}`;
      const { code, out } = await start({ DATABASE_URL: plain.toString(), PORT: '0' });
      expect(code).toBe(1);
      expectOneClearLine(out, /无法在数据库 .* 中创建 PostGIS 扩展.*CREATE EXTENSION postgis/);
    } finally {
      await admin.query(`drop database if exists ${dbName}`);
      await admin.end();
    }
  });
});
