import type { Knex } from 'knex';
import type { FactorKey, MovementKind, MovementRequest } from '../../../common/src/factors.ts';
import { FactorsService } from '../modules/factors/factors.service.ts';
import type { Actor } from '../policy/actor.ts';

/**
 * Demo factor balances for 2026 (演示数据): everything enters through movements posted by the city command
 * via the ledger service, so the ledger sums equal the balances and the pooling rules apply (30 % of the
 * land quota issued to each county and of each county's recovered pollutant totals go to the city pool).
 * Figures are small and plausible for the city: 茌平 aluminium and 高唐 paper weigh on energy, coal and
 * emissions; land and 占补平衡 as a county of Liaocheng would see them in a year.
 */
const YEAR = 2026;
const COUNTIES = ['371502', '371503', '371581', '371521', '371522', '371524', '371525', '371526'] as const;
type County = (typeof COUNTIES)[number];
const perCounty = (values: number[]) => Object.fromEntries(COUNTIES.map((c, i) => [c, values[i]!])) as Record<County, number>;

// 东昌府区, 茌平区, 临清市, 阳谷县, 莘县, 东阿县, 冠县, 高唐县
const ISSUED: Partial<Record<FactorKey, Record<County, number>>> = {
  land: perCounty([1200, 800, 700, 650, 600, 500, 550, 600]),
  energy: perCounty([90000, 260000, 80000, 70000, 60000, 50000, 55000, 110000]),
  coal: perCounty([150000, 600000, 120000, 100000, 90000, 80000, 90000, 300000]),
};
const RECOVERED: Partial<Record<FactorKey, Record<County, number>>> = {
  farmland_balance: perCounty([80, 320, 280, 260, 360, 200, 300, 240]),
  cod: perCounty([28, 36, 22, 18, 15, 16, 14, 40]),
  nh3n: perCounty([2.8, 3.6, 2.2, 1.8, 1.5, 1.6, 1.4, 4]),
  so2: perCounty([45, 120, 38, 30, 24, 22, 26, 55]),
  nox: perCounty([80, 210, 65, 52, 40, 36, 44, 90]),
  vocs: perCounty([60, 48, 30, 35, 20, 18, 22, 25]),
};
const CITY_ISSUED: Partial<Record<FactorKey, number>> = { land: 1500, energy: 60000, coal: 50000 };
const ZONE_LAND = { '371571': 400, '371572': 300, '371573': 100 };

const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoFactors(trx: Knex.Transaction): Promise<number> {
  const user = await trx('users').where({ username: 'city' }).first('id', 'username', 'display_name');
  if (!user) return 0;
  const actor: Actor = {
    id: user.id, username: user.username, displayName: user.display_name, roles: [{ key: 'city_command', name: '市指挥部' }],
    permissions: new Set(['factors.read', 'factors.manage']), scope: 'city', regionId: null, regionCode: '371500', regionName: '聊城市',
    departmentId: null, departmentCode: null, departmentName: null, sessionHash: '',
  };
  const service = new FactorsService(trx);
  let n = 0;
  const post = async (kind: MovementKind, factor: FactorKey, from: [string, string?], to: [string, string?], amount: number, documentNo: string, reason: string, extra: Partial<MovementRequest> = {}, fundingSource?: string) => {
    const ref = ([kind, code]: [string, string?]) => ({ factor, owner: { kind: kind as 'city', code }, year: YEAR, ...(fundingSource ? { fundingSource } : {}) });
    n += 1;
    await service.post(actor, { kind, from: ref(from), to: ref(to), amount, requestKey: `demo-${YEAR}-${String(n).padStart(4, '0')}`, documentNo, reason, ...extra }, null, trx);
  };

  for (const [factor, byCounty] of Object.entries(ISSUED) as [FactorKey, Record<County, number>][]) {
    if (CITY_ISSUED[factor]) await post('下达', factor, ['external'], ['city'], CITY_ISSUED[factor], `鲁指标〔${YEAR}〕1号`, '省下达市级年度指标（演示）');
    for (const county of COUNTIES) await post('下达', factor, ['external'], ['county', county], byCounty[county], `聊指标〔${YEAR}〕3号`, '年度计划指标下达（演示）');
  }
  for (const [zone, mu] of Object.entries(ZONE_LAND)) await post('下达', 'land', ['city'], ['zone', zone], mu, `聊指标〔${YEAR}〕5号`, '市级向开发区下达新增建设用地指标（演示）');
  await post('预支', 'land', ['external'], ['county', '371502'], 200, `鲁自然资字〔${YEAR}〕12号`, '重点项目用地指标预支（演示）');
  for (const [factor, byCounty] of Object.entries(RECOVERED) as [FactorKey, Record<County, number>][]) {
    for (const county of COUNTIES) await post('挖潜', factor, ['external'], ['county', county], byCounty[county], `聊环字〔${YEAR}〕8号`, factor === 'farmland_balance' ? '土地整治新增耕地（演示）' : '关停淘汰落后产能腾出总量（演示）');
  }
  await post('调剂', 'farmland_balance', ['county', '371522'], ['county', '371502'], 60, `聊自然资字〔${YEAR}〕21号`, '占补平衡指标有偿调剂（演示）', { priceWan: 1680 });
  await post('拆借', 'farmland_balance', ['county', '371581'], ['county', '371502'], 50, `聊自然资字〔${YEAR}〕22号`, '占补平衡指标临时拆借（演示）', { dueDate: addDays(new Date(), 120) });
  await post('交易', 'so2', ['county', '371503'], ['county', '371526'], 10, `聊环交易〔${YEAR}〕2号`, '排污权交易（演示）', { priceWan: 5.2 });
  await post('下达', 'funds', ['external'], ['city'], 28000, `发改投资〔${YEAR}〕101号`, '中央预算内投资计划（演示）', {}, '中央预算内投资');
  await post('下达', 'funds', ['external'], ['city'], 15000, `发改投资〔${YEAR}〕188号`, '超长期特别国债（演示）', {}, '超长期特别国债');
  for (const [county, wan] of [['371502', 45000], ['371503', 30000], ['371581', 25000], ['371526', 20000]] as const) {
    await post('下达', 'funds', ['external'], ['county', county], wan, `鲁财债〔${YEAR}〕16号`, '新增专项债券额度（演示）', {}, '地方政府专项债券');
  }
  return n;
}
