import { openSync, writeSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from '../http/app-error.ts';

/**
 * PGlite is a single-process database: a second process on the same directory would corrupt it.
 * A pid file guards the directory; a stale one (its process gone) is taken over.
 */
export function acquireDirectoryLock(dataDir: string): () => void {
  const path = join(dataDir, 'pglite.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(path, 'utf8'));
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new StartupError(`数据目录 ${dataDir} 正被另一个进程（pid ${pid}）使用：请先停止它，或用 DATA_DIR 指定其他目录。`);
      }
      rmSync(path, { force: true });
    }
  }
  throw new StartupError(`无法锁定数据目录 ${dataDir}`);
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
