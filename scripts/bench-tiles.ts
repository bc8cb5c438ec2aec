/**
 * npm run bench:tiles — vector tile latency on PostgreSQL + PostGIS (DATABASE_URL), meant for the
 * farmland scaled by `npm run data -- --farmland 1000000`.
 *
 * Over a fixed, seeded list of 200 tiles at z8–z16 inside 聊城市 it measures, in one run:
 *   - HTTP latency of /tiles/farmland/z/x/y.pbf (in-process server, keep-alive, logged-in cookie)
 *     against the raw SQL time of the same tile (tile-mvt.sql through the same knex pool);
 *   - the largest tile per zoom; 304 revalidation latency against uncached tiles;
 *   - the embedded (JavaScript: geojson-vt + vt-pbf) encoder against ST_AsMVT on the same tiles.
 * Rounds are interleaved (raw, HTTP, raw, HTTP …) so drift on a shared machine hits both alike.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as turf from '@turf/turf';
import { createApp } from '../server/src/app.ts';
import { prepareDatabase } from '../server/src/bootstrap.ts';
import { loadConfig } from '../server/src/config/config.ts';
import { encodeWithJs, encodeWithPostgis } from '../server/src/modules/blueprint/tile-encoders.ts';
import { median, ms, now, percentile, ratio } from './bench/stats.ts';
import { mulberry32 } from './demo/random.ts';

const LAYER = process.env.BENCH_LAYER ?? 'farmland';
const TILES = 200;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const config = loadConfig();
if (!config.databaseUrl) {
  console.error('bench:tiles 需要 DATABASE_URL 指向 PostgreSQL + PostGIS（先运行 npm run data -- --farmland 1000000）');
  process.exit(2);
}
const db = await prepareDatabase(config);
const app = createApp({ config, db, log: () => {} });
const server = app.listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: config.demoPassword }) });
if (!login.ok) throw new Error(`login failed: ${login.status}`);
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

const layer = await db.knex('layers').where({ key: LAYER }).first('id', 'key', 'version', 'feature_count', 'min_zoom');
console.log(`图层 ${LAYER}：${layer.feature_count} 个要素，最小显示级别 z${layer.min_zoom}，引擎 ${db.engine}，jit=${(await db.knex.raw('show jit')).rows[0].jit}`);

// A fixed list: seeded points inside the city, a zoom from 8 to 16 each.
const counties = JSON.parse(readFileSync(new URL('../data/boundaries/liaocheng-counties.geojson', import.meta.url), 'utf8'));
const [minx, miny, maxx, maxy] = turf.bbox(counties);
const rnd = mulberry32(20261126);
const tiles: { z: number; x: number; y: number }[] = [];
while (tiles.length < TILES) {
  const lon = minx + rnd() * (maxx - minx);
  const lat = miny + rnd() * (maxy - miny);
  const z = 8 + Math.floor(rnd() * 9);
  if (!counties.features.some((f: GeoJSON.Feature<GeoJSON.MultiPolygon>) => turf.booleanPointInPolygon([lon, lat], f))) continue;
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const latRad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * n);
  tiles.push({ z, x, y });
}

// Below the layer's min zoom the endpoint answers 204 without a query: those tiles are timed apart,
// and the raw-SQL reference is measured on the tiles that are actually drawn.
const hidden = tiles.filter((t) => t.z < layer.min_zoom);
tiles.splice(0, tiles.length, ...tiles.filter((t) => t.z >= layer.min_zoom));
const progress = (what: string) => process.stderr.write(`${what}\n`);

const url = (t: { z: number; x: number; y: number }) => `${base}/tiles/${LAYER}/${t.z}/${t.x}/${t.y}.pbf?v=${layer.version}`;
const raw: number[] = [];
const http: number[] = [];
const sizes = new Map<number, number>();
const etags: (string | null)[] = [];

async function timeRaw(t: { z: number; x: number; y: number }) {
  const t0 = now();
  await encodeWithPostgis(db.knex, { layerId: layer.id, layerName: LAYER, ...t });
  return now() - t0;
}
async function timeHttp(t: { z: number; x: number; y: number }, i: number) {
  const t0 = now();
  const res = await fetch(url(t), { headers: { cookie } });
  const body = new Uint8Array(await res.arrayBuffer());
  const elapsed = now() - t0;
  if (res.status !== 200 && res.status !== 204) throw new Error(`${url(t)} → ${res.status}`);
  sizes.set(t.z, Math.max(sizes.get(t.z) ?? 0, body.length));
  etags[i] = res.headers.get('etag');
  return elapsed;
}

const hiddenHttp: number[] = [];
for (const t of hidden) {
  const t0 = now();
  const res = await fetch(url(t), { headers: { cookie } });
  await res.arrayBuffer();
  hiddenHttp.push(now() - t0);
  if (res.status !== 204) throw new Error(`${url(t)} below min zoom → ${res.status}`);
}
progress(`${hidden.length} tiles below z${layer.min_zoom} checked; warming up ${tiles.length} tiles…`);

// Warm-up: one pass of each (buffers, plans, pool connections).
for (const [i, t] of tiles.entries()) {
  await timeRaw(t);
  await timeHttp(t, i);
}
for (let round = 0; round < ROUNDS; round++) {
  progress(`round ${round + 1}/${ROUNDS}`);
  for (const [i, t] of tiles.entries()) {
    raw.push(await timeRaw(t));
    http.push(await timeHttp(t, i));
  }
}

const revalidate: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const [i, t] of tiles.entries()) {
    const t0 = now();
    const res = await fetch(url(t), { headers: { cookie, 'if-none-match': etags[i]! } });
    await res.arrayBuffer();
    revalidate.push(now() - t0);
    if (res.status !== 304) throw new Error(`expected 304, got ${res.status}`);
  }
}

// Embedded encoder (what PGlite runs) against ST_AsMVT, tile by tile on the same data.
const jsTimes: number[] = [];
const mvtTimes: number[] = [];
const jsRatios: number[] = [];
for (const t of tiles) {
  const a = await timeRaw(t);
  const t0 = now();
  await encodeWithJs(db.knex, { layerId: layer.id, layerName: LAYER, ...t });
  const b = now() - t0;
  mvtTimes.push(a);
  jsTimes.push(b);
  jsRatios.push(b / a);
}

const sum = (v: number[]) => v.reduce((s, x) => s + x, 0);
console.log(`\n${TILES} 个瓦片（z8–z16，种子 20261126）：${hidden.length} 个低于 z${layer.min_zoom}（直接 204，p50 ${ms(median(hiddenHttp))}），${tiles.length} 个实际绘制，各测 ${ROUNDS} 轮`);
console.log(`原始 SQL    p50 ${ms(median(raw))}  p99 ${ms(percentile(raw, 99))}`);
console.log(`HTTP        p50 ${ms(median(http))}  p99 ${ms(percentile(http, 99))}   比值 p50 ${ratio(median(http), median(raw))}  p99 ${ratio(percentile(http, 99), percentile(raw, 99))}`);
console.log(`304 重验证  p50 ${ms(median(revalidate))}   与未缓存 HTTP p50 之比 ${ratio(median(revalidate), median(http))}`);
console.log(`内置编码器（geojson-vt + vt-pbf）总耗时 ${ms(sum(jsTimes))} 对 ST_AsMVT ${ms(sum(mvtTimes))}：${ratio(sum(jsTimes), sum(mvtTimes))}；逐瓦片比值中位数 ${ratio(median(jsRatios), 1)}`);
console.log('各级最大瓦片：');
for (const z of [...sizes.keys()].sort((a, b) => a - b)) console.log(`  z${z}: ${(sizes.get(z)! / 1024).toFixed(1)} KB`);

server.close();
await db.close();
