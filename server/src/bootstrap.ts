import type { Config } from './config/config.ts';
import type { Database } from './db/database.ts';
import { migrate } from './db/migration-source.ts';
import { openDatabase } from './db/open-database.ts';
import { seedReferenceData } from './db/seeds/reference.seed.ts';
import { isDemoSeeded, seedDemo } from './demo/demo.seed.ts';

/** database -> migrate -> reference data -> (demo data on first start). Shared by main, dev, tests and scripts. */
export async function prepareDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'demoSeed' | 'demoPassword'>, log: (line: string) => void = () => {}): Promise<Database> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const version = await migrate(db.knex);
    log(`数据库结构版本：${version}`);
    await seedReferenceData(db.knex);
    if (config.demoSeed && !(await isDemoSeeded(db.knex))) {
      log('首次启动：正在写入演示数据…');
      await seedDemo(db.knex, config.demoPassword, log);
    }
    return db;
  } catch (err) {
    await db.close();
    throw err;
  }
}
