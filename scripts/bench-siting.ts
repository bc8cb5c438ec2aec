/**
 * npm run bench:siting — latency of POST /api/siting/analyze on PostgreSQL + PostGIS (DATABASE_URL) and
 * on the embedded engine (PGlite in DATA_DIR), meant for the farmland scaled by
 * `npm run data -- --farmland 1000000` in both (see README, Data and benchmarks).
 *
 * For a 500-亩, a 5 000-亩 and a 50 000-亩 site (seeded, placed across dense farmland and other
 * constraint layers: scripts/bench/siting-sites.ts) it measures in one run:
 *   - end to end: HTTP POST /api/siting/analyze through the real app (in-process server, keep-alive,
 *     logged-in cookie), p50 and p95;
 *   - the bare overlay SQL: for every constraint layer (kind hard or soft, polygons) one plain query
 *     ST_Area(ST_Transform(ST_Union(ST_Intersection(f.geom, site)), zone)) with the && + ST_Intersects
 *     filter, on its own connection (jit off), summed over the layers;
 *   - the embedded engine: the same requests against a second app on PGlite;
 *   - the recommendation: POST /api/siting/recommend for 200 亩 of industry C36 on both engines (its
 *     findings run the same overlay query as the analysis, batched over all candidates).
 * Rounds are interleaved (bare SQL, PostGIS app, PGlite app, site by site, then the recommendation) so
 * drift on a shared machine hits all of them alike.
 * The figures are checked too: each layer's overlap from the app against the bare SQL, and the embedded
 * engine's findings against PostGIS's.
 *
 *   BENCH_ROUNDS (default 20)           timed rounds per site on PostGIS
 *   BENCH_EMBEDDED_ROUNDS (as many)     timed rounds per site on PGlite; 0 skips the embedded engine
 */
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { createApp } from '../server/src/app.ts';
import { prepareDatabase } from '../server/src/bootstrap.ts';
import { loadConfig } from '../server/src/config/config.ts';
import type { Database } from '../server/src/db/database.ts';
import { median, ms, now, percentile, ratio } from './bench/stats.ts';
import { benchSites, type BenchSite } from './bench/siting-sites.ts';

const SIZES_MU = [500, 5_000, 50_000] as const;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const EMBEDDED_ROUNDS = Number(process.env.BENCH_EMBEDDED_ROUNDS ?? ROUNDS);
const WARMUP = 2;
const USER = 'planner';

interface Finding { layer: string; measure: 'inside' | 'outside'; overlapM2: number }
interface Analysis { area: { m2: number }; findings: Finding[] }
interface Recommendation { total: number; candidates: { id: number; score: number }[] }
const RECOMMEND = { areaMu: 200, industry: 'C36', limit: 20 };
const RECOMMEND_LABEL = '推荐 200 亩 C36';

const config = loadConfig();
if (!config.databaseUrl) {
  console.error('bench:siting 需要 DATABASE_URL 指向 PostgreSQL + PostGIS（先运行 npm run data -- --farmland 1000000）');
  process.exit(2);
}
const progress = (what: string) => process.stderr.write(`${what}\n`);

/** The app on one engine, served in-process, with a logged-in agent. */
async function serve(db: Database) {
  const app = createApp({ config: { ...config, databaseUrl: db.engine === 'postgres' ? config.databaseUrl : undefined }, db, log: () => {} });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: USER, password: config.demoPassword }) });
  if (!login.ok) throw new Error(`login as ${USER} failed: ${login.status}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const analyze = async (site: BenchSite): Promise<{ elapsed: number; body: Analysis }> => {
    const t0 = now();
    const res = await fetch(`${base}/api/siting/analyze`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ geometry: site.geometry }) });
    const body = (await res.json()) as Analysis;
    const elapsed = now() - t0;
    if (res.status !== 200) throw new Error(`analyze ${site.label} → ${res.status} ${JSON.stringify(body)}`);
    return { elapsed, body };
  };
  const recommend = async (): Promise<{ elapsed: number; body: Recommendation }> => {
    const t0 = now();
    const res = await fetch(`${base}/api/siting/recommend`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(RECOMMEND) });
    const body = (await res.json()) as Recommendation;
    const elapsed = now() - t0;
    if (res.status !== 200) throw new Error(`recommend → ${res.status} ${JSON.stringify(body)}`);
    return { elapsed, body };
  };
  return { analyze, recommend, close: () => new Promise((r) => server.close(r)) };
}

async function farmlandCount(db: Database): Promise<number> {
  return (await db.knex('layers').where({ key: 'farmland' }).first('feature_count')).feature_count;
}

// ---- PostGIS -------------------------------------------------------------------------------------
const postgis = await prepareDatabase(config);
const farmland = await farmlandCount(postgis);
const poolJit = (await postgis.knex.raw('show jit')).rows[0].jit;
progress('placing the sites…');
const sites = await benchSites(postgis.knex, SIZES_MU);

// The bare SQL runs on its own connection, not through the app's pool, with JIT off like the pool's.
const bare = new pg.Client({ connectionString: config.databaseUrl });
await bare.connect();
await bare.query('set jit = off');
const bareJit = (await bare.query('show jit')).rows[0].jit;
const constraintLayers = (await bare.query(`select id, key from layers where kind in ('hard', 'soft') and geometry_type = 'polygon' order by key`)).rows as { id: number; key: string }[];
const BARE_SQL = `
  select ST_Area(ST_Transform(ST_Union(ST_Intersection(f.geom, s.g)), $3::int)) as m2
  from layer_features f, (select ST_SetSRID(ST_GeomFromGeoJSON($2::text), 4326) as g) s
  where f.layer_id = $1 and f.geom && s.g and ST_Intersects(f.geom, s.g)`;
async function timeBare(site: BenchSite): Promise<{ elapsed: number; m2: Map<string, number> }> {
  const m2 = new Map<string, number>();
  const geometry = JSON.stringify(site.geometry);
  const t0 = now();
  for (const layer of constraintLayers) {
    const r = await bare.query(BARE_SQL, [layer.id, geometry, site.epsg]);
    m2.set(layer.key, Number(r.rows[0].m2 ?? 0));
  }
  return { elapsed: now() - t0, m2 };
}

console.log(`永久基本农田 ${farmland} 个图斑；约束图层 ${constraintLayers.length} 个（${constraintLayers.map((l) => l.key).join('、')}）`);
console.log(`PostgreSQL ${postgis.location}：连接池 jit=${poolJit}，裸 SQL 连接 jit=${bareJit}；PostGIS ${postgis.capabilities.postgisVersion}`);
for (const s of sites) {
  console.log(`  ${s.label.padEnd(9)} EPSG:${s.epsg}，触及 ${s.layers.join('、')}；外包框内农田图斑 ${s.farmlandPatches} 个`);
}

// ---- Embedded (PGlite), opened beside PostGIS so that both are timed in the same rounds -------------
let embedded: Database | null = null;
let embeddedFarmland: number | null = null;
if (EMBEDDED_ROUNDS > 0) {
  progress(`opening the embedded engine in ${config.dataDir}…`);
  embedded = await prepareDatabase({ ...config, databaseUrl: undefined });
  embeddedFarmland = await farmlandCount(embedded);
  progress(`embedded engine ${embedded.location}: ${embeddedFarmland} farmland patches`);
}

// ---- Rounds: bare SQL, PostGIS app, PGlite app, site by site -------------------------------------
const pgApp = await serve(postgis);
const embeddedApp = embedded ? await serve(embedded) : null;
const pgHttp = new Map<BenchSite, number[]>(sites.map((s) => [s, []]));
const pgBare = new Map<BenchSite, number[]>(sites.map((s) => [s, []]));
const embeddedTimes = new Map<BenchSite, number[]>(sites.map((s) => [s, []]));
const pgBody = new Map<BenchSite, Analysis>();
const embeddedBody = new Map<BenchSite, Analysis>();
const bareM2 = new Map<BenchSite, Map<string, number>>();
const recommendTimes = { postgis: [] as number[], embedded: [] as number[] };
const recommendBody: { postgis?: Recommendation; embedded?: Recommendation } = {};
for (let round = -WARMUP; round < Math.max(ROUNDS, EMBEDDED_ROUNDS); round++) {
  if (round >= 0 && round % 5 === 0) progress(`round ${round + 1}/${Math.max(ROUNDS, EMBEDDED_ROUNDS)}`);
  for (const site of sites) {
    if (round < ROUNDS) {
      const b = await timeBare(site);
      const h = await pgApp.analyze(site);
      if (round < 0) {
        pgBody.set(site, h.body);
        bareM2.set(site, b.m2);
      } else {
        pgBare.get(site)!.push(b.elapsed);
        pgHttp.get(site)!.push(h.elapsed);
      }
    }
    if (embeddedApp && round < EMBEDDED_ROUNDS) {
      const e = await embeddedApp.analyze(site);
      if (round < 0) embeddedBody.set(site, e.body);
      else embeddedTimes.get(site)!.push(e.elapsed);
    }
  }
  if (round < ROUNDS) {
    const r = await pgApp.recommend();
    if (round < 0) recommendBody.postgis = r.body;
    else recommendTimes.postgis.push(r.elapsed);
  }
  if (embeddedApp && round < EMBEDDED_ROUNDS) {
    const r = await embeddedApp.recommend();
    if (round < 0) recommendBody.embedded = r.body;
    else recommendTimes.embedded.push(r.elapsed);
  }
}
await pgApp.close();
await embeddedApp?.close();
await bare.end();
await postgis.close();
await embedded?.close();

// ---- Report --------------------------------------------------------------------------------------
/** Each layer's inside overlap as the app reports it (rules of one layer summed). */
function insideByLayer(body: Analysis): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of body.findings) if (f.measure === 'inside') m.set(f.layer, (m.get(f.layer) ?? 0) + f.overlapM2);
  return m;
}
const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(1, 0.001 * Math.max(a, b));

const sameData = embeddedFarmland === null || embeddedFarmland === farmland;
console.log(`\n各选址 PostGIS ${ROUNDS} 轮（裸 SQL、PostGIS、内置引擎交替）${EMBEDDED_ROUNDS > 0 ? `，内置引擎（PGlite，永久基本农田 ${embeddedFarmland} 个图斑）${EMBEDDED_ROUNDS} 轮` : ''}；时间为毫秒`);
if (embeddedFarmland !== null && !sameData) {
  console.log(`注意：内置引擎的永久基本农田为 ${embeddedFarmland} 个图斑，与 PostGIS 的 ${farmland} 个不同，内置/PostGIS 比值不可直接比较`);
}
const header = ['选址', 'p50', 'p95', '裸 SQL p50', '比值', '内置 p50', '内置/PostGIS'];
const rows = sites.map((s) => {
  const http = pgHttp.get(s)!;
  const b = pgBare.get(s)!;
  const e = embeddedTimes.get(s)!;
  return [
    s.label,
    median(http).toFixed(1),
    percentile(http, 95).toFixed(1),
    median(b).toFixed(1),
    ratio(median(http), median(b)),
    e.length ? median(e).toFixed(1) : '—',
    e.length ? ratio(median(e), median(http)) : '—',
  ];
});
const widths = header.map((h, i) => Math.max(h.length + 2, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]! - 1) : c.padStart(widths[i]!))).join('  ');
console.log(line(header));
for (const r of rows) console.log(line(r));
const rec = recommendTimes;
console.log(line([
  RECOMMEND_LABEL,
  median(rec.postgis).toFixed(1),
  percentile(rec.postgis, 95).toFixed(1),
  '—',
  '—',
  rec.embedded.length ? median(rec.embedded).toFixed(1) : '—',
  rec.embedded.length ? ratio(median(rec.embedded), median(rec.postgis)) : '—',
]));
console.log(`  推荐：PostGIS 候选 ${recommendBody.postgis!.total} 个${recommendBody.embedded ? `，内置引擎 ${recommendBody.embedded.total} 个` : ''}`);

const small = sites[0]!;
const smallP50 = median(pgHttp.get(small)!);
const smallRatio = smallP50 / median(pgBare.get(small)!);
console.log(`\n目标：${small.label} p50 < 50 ms：${ms(smallP50)} ${smallP50 < 50 ? '达到' : '未达到'}；≤ 1.5× 裸 SQL：${smallRatio.toFixed(2)}× ${smallRatio <= 1.5 ? '达到' : '未达到'}`);
if (EMBEDDED_ROUNDS > 0) {
  const worst = Math.max(...sites.map((s) => median(embeddedTimes.get(s)!) / median(pgHttp.get(s)!)));
  console.log(`目标：内置 ≤ 2× PostGIS：最大 ${worst.toFixed(2)}× ${worst <= 2 ? '达到' : '未达到'}${sameData ? '' : '（数据量不同）'}`);
}

// The same figures whichever way they are computed.
const problems: string[] = [];
for (const s of sites) {
  const app = insideByLayer(pgBody.get(s)!);
  for (const [layer, m2] of bareM2.get(s)!) {
    const measured = app.get(layer) ?? 0;
    const outside = pgBody.get(s)!.findings.some((f) => f.layer === layer && f.measure === 'outside');
    if (!outside && !close(measured, m2)) problems.push(`${s.label} ${layer}：应用 ${measured.toFixed(1)} m² ≠ 裸 SQL ${m2.toFixed(1)} m²`);
  }
  const e = embeddedBody.get(s);
  if (e) {
    const a = pgBody.get(s)!.findings.map((f) => `${f.layer}/${f.measure}`).sort().join(',');
    const b = e.findings.map((f) => `${f.layer}/${f.measure}`).sort().join(',');
    if (sameData && a !== b) problems.push(`${s.label}：内置引擎的结论图层 ${b} ≠ PostGIS ${a}`);
    if (sameData) {
      for (const f of pgBody.get(s)!.findings) {
        const g = e.findings.find((x) => x.layer === f.layer && x.measure === f.measure && close(x.overlapM2, f.overlapM2));
        if (!g) problems.push(`${s.label} ${f.layer}：内置引擎面积与 PostGIS ${f.overlapM2} m² 不一致`);
      }
    }
  }
}
if (recommendBody.embedded && sameData) {
  const ids = (r: Recommendation) => r.candidates.map((c) => c.id).join(',');
  if (ids(recommendBody.embedded) !== ids(recommendBody.postgis!)) problems.push(`推荐：内置引擎的候选 ${ids(recommendBody.embedded)} ≠ PostGIS ${ids(recommendBody.postgis!)}`);
}
console.log(problems.length ? `结果核对：${problems.length} 处不一致\n  ${problems.join('\n  ')}` : '结果核对：各图层占用面积与裸 SQL 一致（0.1% 内）' + (embeddedBody.size && sameData ? '，内置引擎与 PostGIS 一致' : ''));
process.exit(problems.length ? 1 : 0);
