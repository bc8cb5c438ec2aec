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
    if (db.engine === 'postgres' && (await runsAsSuperuser(db))) {
      log('警告：应用以数据库超级用户连接，可关闭触发器改写审计记录；生产环境请按 README“最小权限”一节使用运行账号');
    }
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

async function runsAsSuperuser(db: Database): Promise<boolean> {
  const r = await db.knex.raw('select rolsuper from pg_roles where rolname = current_user');
  return r.rows[0]?.rolsuper === true;
}
