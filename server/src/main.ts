import { createServer, type RequestListener, type Server } from 'node:http';
import { HttpErrors } from '../../common/src/contract/http.errors.ts';
import { createApp } from './app.ts';
import { prepareDatabase } from './bootstrap.ts';
import { buildClient, clientBuildIsStale, CLIENT_DIST } from './client-build.ts';
import { ConfigError, loadConfig } from './config/config.ts';
import { StartupError } from './http/app-error.ts';
import { staticClient } from './http/static-client.ts';
import { DEMO_ACCOUNTS } from './demo/demo-accounts.ts';

const log = (line: string) => console.log(line);

async function main() {
  const config = loadConfig();
  // Listen first: a taken port fails in a second, not after the database start; until the database is
  // ready every request gets 503 "正在启动".
  let handler: RequestListener = starting;
  const server = await listen((req, res) => handler(req, res), config.port, config.host);
  if (clientBuildIsStale()) {
    log('正在构建前端（首次启动或源码已更新）…');
    await buildClient();
  }
  log(config.databaseUrl ? '正在连接 PostgreSQL + PostGIS…' : `正在打开内置数据库 PGlite + PostGIS（${config.dataDir}）…`);
  const db = await prepareDatabase(config, log);
  handler = createApp({ config, db, client: staticClient(CLIENT_DIST) });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;

  log('');
  log(`一张蓝图 已启动：http://localhost:${port}`);
  log(`数据库引擎：${db.engine === 'pglite' ? `内置 PGlite + PostGIS ${db.capabilities.postgisVersion}（${db.location}）` : `PostgreSQL + PostGIS ${db.capabilities.postgisVersion}（${db.location}）`}`);
  if (config.demoSeed) {
    log(`演示账号（密码均为 DEMO_PASSWORD，默认 Demo#2026）：${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`);
  }

  const shutdown = async () => {
    server.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

const starting: RequestListener = (_req, res) => {
  res.writeHead(503, { 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': '5' });
  res.end(JSON.stringify({ error: { code: HttpErrors.STARTING, message: '系统正在启动，请稍候刷新' } }));
};

function listen(handler: RequestListener, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(handler).listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new StartupError(`端口 ${port} 已被占用：请停止占用该端口的程序，或用 PORT 指定其他端口（如 PORT=3001 npm start）。`));
      else if (err.code === 'EACCES') reject(new StartupError(`没有权限监听端口 ${port}：请改用 1024 以上的端口（PORT=3000）。`));
      else reject(err);
    });
  });
}

main().catch((err) => {
  if (err instanceof StartupError || err instanceof ConfigError) console.error(`启动失败：${err.message}`);
  else console.error(`启动失败：${(err as Error)?.message ?? err}`);
  process.exit(1);
});
