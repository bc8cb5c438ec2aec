import { existsSync, readFileSync } from 'node:fs';

export const DEMO_DIR = new URL('../../../data/demo/', import.meta.url);

export function readDemoFile<T>(file: string): T {
  const url = new URL(file, DEMO_DIR);
  if (!existsSync(url)) throw new Error(`演示数据文件缺失：data/demo/${file}，请运行 npm run data 重新生成`);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}
