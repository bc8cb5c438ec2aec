import { mkdirSync, accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { StartupError } from '../http/app-error.ts';
import type { Capabilities, Database, Engine } from './database.ts';
import { typeParsers } from './type-parsers.ts';
import { acquireDirectoryLock } from './directory-lock.ts';

export interface OpenOptions {
  databaseUrl?: string;
  dataDir: string;
}

/** knex over pg when DATABASE_URL is set, else over embedded PGlite + PostGIS persisted in dataDir. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

async function openPostgres(url: string): Promise<Database> {
  const knex = knexFactory({
    client: 'pg',
    connection: {
      connectionString: url,
      types: { getTypeParser: (oid: number, format?: string) => typeParsers[oid] ?? pgDefaultParser(oid, format) },
    } as Knex.PgConnectionConfig,
    // JIT compilation costs tens of ms per query and never pays off for tile, overlay and ledger
    // queries that touch a few thousand rows through indexes: off for every pooled connection.
    pool: {
      min: 0,
      max: 10,
      afterCreate: (conn: pg.Client, done: (err: Error | null, conn: pg.Client) => void) => {
        conn.query('set jit = off', (err) => done(err, conn));
      },
    },
    log: quietLog,
  });
  const location = maskPassword(url);
  try {
    await knex.raw('select 1');
  } catch (err) {
    await knex.destroy();
    throw new StartupError(`无法连接数据库 ${location}：${describePgError(err)}。请确认 PostgreSQL 已启动、DATABASE_URL 正确。`);
  }
  await ensurePostgis(knex, location);
  return finish(knex, 'postgres', location, () => knex.destroy());
}

function pgDefaultParser(oid: number, format?: string) {
  return pg.types.getTypeParser(oid, (format ?? 'text') as 'text');
}

async function ensurePostgis(knex: Knex, location: string) {
  const installed = await knex.raw(`select 1 from pg_extension where extname = 'postgis'`);
  if (installed.rows.length > 0) return;
  const available = await knex.raw(`select 1 from pg_available_extensions where name = 'postgis'`);
  if (available.rows.length === 0) {
    await knex.destroy();
    throw new StartupError(`数据库 ${location} 所在服务器未安装 PostGIS：请安装 postgresql-<版本>-postgis-3 软件包后重试。`);
  }
  try {
    await knex.raw('create extension if not exists postgis');
  } catch (err) {
    await knex.destroy();
    throw new StartupError(`无法在数据库 ${location} 中创建 PostGIS 扩展（${describePgError(err)}）：请由数据库管理员执行 CREATE EXTENSION postgis; 后重试。`);
  }
}

async function openPglite(dataDir: string): Promise<Database> {
  const dir = join(dataDir, 'pglite');
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw new StartupError(`数据目录 ${dataDir} 不可写（${(err as NodeJS.ErrnoException).code ?? String(err)}）：请修改目录权限，或用 DATA_DIR 指定一个可写目录。`);
  }
  const releaseLock = acquireDirectoryLock(dataDir);
  const [{ PGlite }, { postgis }, { default: ClientPgLite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-postgis'),
    import('knex-pglite'),
  ]);
  let pglite;
  try {
    pglite = await PGlite.create(dir, { extensions: { postgis }, parsers: typeParsers });
    await pglite.exec('create extension if not exists postgis');
  } catch (err) {
    releaseLock();
    throw new StartupError(`无法打开内置数据库 ${dir}（${(err as Error).message}）：数据目录可能已损坏，可删除后重新启动以重建演示数据。`);
  }
  const knex = knexFactory({ client: ClientPgLite, dialect: 'postgres', connection: () => ({ pglite }) } as Knex.Config);
  return finish(knex, 'pglite', dir, async () => {
    await knex.destroy();
    releaseLock();
  });
}

async function finish(knex: Knex, engine: Engine, location: string, close: () => Promise<void>): Promise<Database> {
  return { knex, engine, location, capabilities: await detectCapabilities(knex), close };
}

async function detectCapabilities(knex: Knex): Promise<Capabilities> {
  const version = await knex.raw(`select postgis_lib_version() as v`);
  let mvt = false;
  try {
    await knex.raw(
      `select ST_AsMVT(t, 'probe') from (select ST_AsMVTGeom(ST_Point(0, 0, 3857), ST_TileEnvelope(0, 0, 0)) as geom) t`,
    );
    mvt = true;
  } catch {
    mvt = false;
  }
  return { mvt, postgisVersion: String(version.rows[0].v) };
}

/**
 * knex prints pool errors with their stack; connection failures are reported by us in one line
 * (StartupError), so only other warnings reach the console, as single lines.
 */
const quietLog = {
  warn: (m: unknown) => {
    const text = m instanceof Error ? m.message : String(m);
    if (!text.startsWith('Acquire connection error')) console.warn(`knex: ${text.split('\n')[0]}`);
  },
  error: (m: unknown) => console.error(`knex: ${(m instanceof Error ? m.message : String(m)).split('\n')[0]}`),
  deprecate: () => {},
  debug: () => {},
};

function maskPassword(url: string) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

function describePgError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (e.code === 'ECONNREFUSED') return '连接被拒绝';
  if (e.code === 'ENOTFOUND') return '主机名无法解析';
  if (e.code === '3D000') return '数据库不存在';
  if (e.code === '28P01' || e.code === '28000') return '用户名或密码错误';
  if (e.code === '42501') return '权限不足';
  return e.message ?? String(err);
}
