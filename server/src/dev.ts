import { join } from 'node:path';
import { createServer } from 'vite';
import { createApp } from './app.ts';
import { prepareDatabase } from './bootstrap.ts';
import { ROOT } from './client-build.ts';
import { loadConfig } from './config/config.ts';

/** npm run dev: the API plus Vite's middleware with hot reload, on one port. */
const config = loadConfig();
const db = await prepareDatabase(config, console.log);
const vite = await createServer({ configFile: join(ROOT, 'vite.config.ts'), server: { middlewareMode: true }, appType: 'spa' });
const app = createApp({ config, db, client: vite.middlewares });
app.listen(config.port, config.host, () => console.log(`开发模式：http://localhost:${config.port}（${db.engine}）`));
