/**
 * npm run bench:ledger — factor movements per second on PostgreSQL + PostGIS (DATABASE_URL), with 1, 8 and
 * 32 concurrent clients, on one hot account (every movement debits the same county account and credits
 * the same other county) and on spread accounts (client i moves its own factor × county pair to its own
 * partner county).
 *
 * The movements are 调剂 (a paid adjustment, priceWan 1) between counties, not 分配 to projects: 分配 is
 * capped by the project's demand (migration 1620's trigger), which a few thousand bench movements exceed,
 * and that trigger sums the project's whole allocation history per insert, so its cost would grow with
 * the run and hide the ledger's own cost.
 *
 * Three paths, interleaved per round so drift on a shared machine hits all alike:
 *   - http:    POST /api/factors/movements through an in-process server (session, zod, service, audit);
 *   - service: FactorsService.post called directly (same transaction, locks, trigger and audit);
 *   - sql:     the bare reference — BEGIN; SELECT … FOR UPDATE of both accounts in id order; the balance
 *              check; INSERT the movement (the trigger applies the balances); INSERT the audit row; COMMIT —
 *              through a plain pg pool of the same size as the app's knex pool (10).
 * Prints the median over ROUNDS of movements per second and the ratio of each path to the bare SQL.
 */
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { FACTOR_KEYS, type FactorKey, type MovementRequest } from '../common/src/factors.ts';
import { createApp } from '../server/src/app.ts';
import { prepareDatabase } from '../server/src/bootstrap.ts';
import { loadConfig } from '../server/src/config/config.ts';
import { FactorsService } from '../server/src/modules/factors/factors.service.ts';
import type { Actor } from '../server/src/policy/actor.ts';
import { median, now } from './bench/stats.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const CLIENTS = [1, 8, 32];
const COUNTIES = ['371502', '371503', '371581', '371521', '371522', '371524', '371525', '371526'];
const SPREAD_FACTORS = FACTOR_KEYS.filter((f) => f !== 'funds');

const config = loadConfig();
if (!config.databaseUrl) {
  console.error('bench:ledger 需要 DATABASE_URL 指向 PostgreSQL + PostGIS，例如 postgres://postgres@127.0.0.1:5432/ob_ledger_bench');
  process.exit(2);
}
const db = await prepareDatabase({ ...config, demoSeed: true });
const knex = db.knex;
const app = createApp({ config, db, log: () => {} });
const server = app.listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'city', password: config.demoPassword }) });
if (!login.ok) throw new Error(`login failed: ${login.status}`);
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

const user = await knex('users').where({ username: 'city' }).first('id', 'display_name');
const actor: Actor = {
  id: user.id, username: 'city', displayName: user.display_name, roles: [{ key: 'city_command', name: '市指挥部' }],
  permissions: new Set(['factors.read', 'factors.manage']), scope: 'city', regionId: null, regionCode: '371500', regionName: '聊城市',
  departmentId: null, departmentCode: null, departmentName: null, sessionHash: '',
};
const service = new FactorsService(knex);
const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
pool.on('connect', (c) => void c.query('set jit = off'));

// A year of its own per run: every account starts from its first credit.
const year = Math.max(Number((await knex('factor_accounts').max({ y: 'year' }).first())?.y ?? 0), 2099) + 1;
const run = Date.now().toString(36);
let seq = 0;

interface Lane { factor: FactorKey; county: string; partner: string; fromId: number; toId: number }
const ref = (factor: FactorKey, kind: 'external' | 'county', code?: string) => ({ factor, owner: { kind, ...(code ? { code } : {}) }, year });

async function lane(factor: FactorKey, county: string, partner: string): Promise<Lane> {
  await service.post(actor, { kind: '挖潜', from: ref(factor, 'external'), to: ref(factor, 'county', county), amount: 1e8, requestKey: `bench-${run}-fund-${factor}-${county}`, documentNo: 'bench', reason: '基准测试注资' }, null);
  const first = await service.post(actor, { kind: '调剂', from: ref(factor, 'county', county), to: ref(factor, 'county', partner), amount: 1, priceWan: 1, requestKey: `bench-${run}-open-${factor}-${county}-${partner}`, documentNo: 'bench', reason: '基准测试开户' }, null);
  return { factor, county, partner, fromId: first.movement.from.accountId, toId: first.movement.to.accountId };
}

const hot = await lane('land', '371502', '371503');
// Lanes of one factor debit counties i, i+1, i+2, i+3 and credit i+4 … i+7 (mod 8): no account is shared.
const spread: Lane[] = [];
for (let i = 0; i < 32; i++) spread.push(await lane(SPREAD_FACTORS[i % SPREAD_FACTORS.length]!, COUNTIES[i % COUNTIES.length]!, COUNTIES[(i + 4) % COUNTIES.length]!));

const body = (l: Lane): MovementRequest => ({ kind: '调剂', from: l.fromId, to: l.toId, amount: 0.01, priceWan: 1, requestKey: `bench-${run}-${++seq}`, documentNo: 'bench', reason: '基准测试调剂' });

type Path = 'http' | 'service' | 'sql';
const paths: Record<Path, (l: Lane) => Promise<void>> = {
  async http(l) {
    const res = await fetch(`${base}/api/factors/movements`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body(l)) });
    if (res.status !== 201) throw new Error(`http ${res.status}: ${await res.text()}`);
  },
  async service(l) {
    await service.post(actor, body(l), null);
  },
  async sql(l) {
    const c = await pool.connect();
    try {
      await c.query('begin');
      const locked = await c.query('select id, balance from factor_accounts where id = any($1::int[]) order by id for update', [[l.fromId, l.toId]]);
      if (Number(locked.rows.find((r) => r.id === l.fromId).balance) < 0.01) throw new Error('insufficient');
      const m = await c.query(
        `insert into factor_movements (kind, from_account_id, to_account_id, amount, price_wan, document_no, reason, operator_id, request_key) values ('调剂', $1, $2, 0.01, 1, 'bench', '基准测试调剂', $3, $4) returning id`,
        [l.fromId, l.toId, actor.id, `bench-${run}-${++seq}`],
      );
      await c.query(`insert into audit_log (actor_id, actor_username, action, entity_kind, entity_id, detail) values ($1, 'city', 'factor.movement.调剂', 'factor_movement', $2, '{}')`, [actor.id, String(m.rows[0].id)]);
      await c.query('commit');
    } catch (err) {
      await c.query('rollback');
      throw err;
    } finally {
      c.release();
    }
  },
};

/** Movements per second: `clients` loops posting for SECONDS. */
async function measure(path: Path, clients: number, lanes: (i: number) => Lane) {
  const end = now() + SECONDS * 1000;
  let done = 0;
  const start = now();
  await Promise.all(Array.from({ length: clients }, async (_, i) => {
    while (now() < end) {
      await paths[path](lanes(i));
      done += 1;
    }
  }));
  return done / ((now() - start) / 1000);
}

console.log(`引擎 ${db.engine}，PostGIS ${db.capabilities.postgisVersion}，每格 ${SECONDS} s × ${ROUNDS} 轮，取中位数（笔/秒）；连接池 10`);
const results = new Map<string, number[]>();
for (let round = 0; round < ROUNDS; round++) {
  for (const scenario of ['hot', 'spread'] as const) {
    for (const clients of CLIENTS) {
      for (const path of ['sql', 'service', 'http'] as Path[]) {
        const rate = await measure(path, clients, scenario === 'hot' ? () => hot : (i) => spread[i % spread.length]!);
        const k = `${scenario}|${clients}|${path}`;
        results.set(k, [...(results.get(k) ?? []), rate]);
      }
    }
  }
}

console.log('场景      并发  裸 SQL   服务层   HTTP    服务/SQL  HTTP/SQL');
for (const scenario of ['hot', 'spread']) {
  for (const clients of CLIENTS) {
    const m = (p: Path) => median(results.get(`${scenario}|${clients}|${p}`)!);
    const [sql, svc, http] = [m('sql'), m('service'), m('http')];
    console.log(`${scenario === 'hot' ? '单一热点' : '分散账户'}  ${String(clients).padStart(4)}  ${sql.toFixed(0).padStart(6)}  ${svc.toFixed(0).padStart(7)}  ${http.toFixed(0).padStart(6)}   ${(svc / sql).toFixed(2)}×     ${(http / sql).toFixed(2)}×`);
  }
}

const mismatches = await knex.raw(`
  select count(*) as n from factor_accounts a
  left join (select to_account_id id, sum(amount) s from factor_movements group by 1) c on c.id = a.id
  left join (select from_account_id id, sum(amount) s from factor_movements group by 1) d on d.id = a.id
  where a.balance <> coalesce(c.s, 0) - coalesce(d.s, 0)`);
console.log(`账实核对：余额与台账不一致的账户 ${mismatches.rows[0].n} 个`);
await pool.end();
server.close();
await db.close();
