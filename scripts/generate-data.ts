/**
 * Generates the demo data (演示数据 — not real planning data) into data/demo/.
 *
 *   npx tsx scripts/generate-data.ts [--farmland N] [--out DIR] [--seed S]
 *
 * With --farmland above 20 000 nothing is written to files: the farmland is generated inside the
 * configured database instead (scripts/load-farmland.ts), for benchmarks.
 *
 * Reads data/boundaries/liaocheng-counties.geojson, writes data/demo/<layer>.geojson and
 * data/demo/projects.json. Deterministic: the same arguments give byte-identical files.
 * Generators and rules: scripts/demo/*.ts and data/demo/README.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAYERS, generateDemoData, serializeLayer, serializeProjects } from './demo/index.ts';
import { DEFAULT_SEED } from './demo/random.ts';
import { DEFAULT_FARMLAND_COUNT } from './demo/farmland.generator.ts';

const FILE_FARMLAND_LIMIT = 20_000;

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

function usage(message?: string): never {
  if (message) console.error(message);
  console.error('usage: tsx scripts/generate-data.ts [--farmland N] [--out DIR] [--seed S]');
  process.exit(2);
}

function parseArgs(argv: string[]): { farmland: number; out: string; seed: number } {
  let farmland = DEFAULT_FARMLAND_COUNT;
  let out = join(root, 'data/demo');
  let seed = DEFAULT_SEED;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? usage(`missing value for ${flag}`);
    if (flag === '--farmland') {
      farmland = Number(value());
      if (!Number.isInteger(farmland) || farmland < 0) usage('--farmland needs a non-negative integer');
    } else if (flag === '--out') out = resolve(value());
    else if (flag === '--seed') {
      seed = Number(value());
      if (!Number.isInteger(seed) || seed < 0) usage('--seed needs a non-negative integer');
    } else if (flag === '--help' || flag === '-h') usage();
    else usage(`unknown option ${arg}`);
  }
  return { farmland, out, seed };
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

const args = parseArgs(process.argv.slice(2));
const started = Date.now();

// Beyond FILE_FARMLAND_LIMIT the farmland would make files of hundreds of MB: it is generated in the
// database instead (the one DATABASE_URL or DATA_DIR points at), replacing the demo farmland there.
if (args.farmland > FILE_FARMLAND_LIMIT) {
  const { loadConfig } = await import('../server/src/config/config.ts');
  const { prepareDatabase } = await import('../server/src/bootstrap.ts');
  const { loadDenseFarmland } = await import('./load-farmland.ts');
  const db = await prepareDatabase(loadConfig(), console.log);
  try {
    await loadDenseFarmland(db.knex, args.farmland, console.log);
  } finally {
    await db.close();
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s (${db.engine})`);
  process.exit(0);
}

const counties = JSON.parse(readFileSync(join(root, 'data/boundaries/liaocheng-counties.geojson'), 'utf8'));
const data = generateDemoData(counties, { seed: args.seed, farmlandCount: args.farmland });
mkdirSync(args.out, { recursive: true });

let total = 0;
const write = (file: string, text: string, what: string) => {
  const path = join(args.out, file);
  writeFileSync(path, text);
  const bytes = Buffer.byteLength(text);
  total += bytes;
  console.log(`${relative(process.cwd(), path).padEnd(44)} ${what.padEnd(16)} ${size(bytes).padStart(10)}`);
};
for (const layer of LAYERS) {
  const fc = data.layers[layer.key];
  const extra = layer.key === 'farmland' ? { requested: args.farmland } : {};
  write(`${layer.key}.geojson`, serializeLayer(layer.key, fc, data.seed, extra), `${fc.features.length} features`);
}
write('projects.json', serializeProjects(data.projects), `${data.projects.length} projects`);
if (data.layers.farmland.features.length < args.farmland) {
  console.warn(`warning: only ${data.layers.farmland.features.length} of ${args.farmland} farmland patches fit`);
}
console.log(`total ${size(total)}, seed ${data.seed}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
