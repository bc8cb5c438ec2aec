import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { FactorAccount, FactorLoan } from '../../common/src/factors.ts';
import type { RegionCollection } from '../../client/src/api/api.types.ts';
import { DEMO_PASSWORD, LIAOCHENG_COUNTIES, LIAOCHENG_ZONES } from './e2e-config.ts';
import { FactorsDriver } from './factors-driver.ts';
import type { E2ETest } from './harness.ts';

const YEAR = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

/** Balance per owner code × factor, funds summed over their sources (what a table cell shows). */
function balancesOf(accounts: FactorAccount[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const a of accounts) {
    const key = `${a.owner.code}/${a.factor}`;
    m.set(key, Math.round(((m.get(key) ?? 0) + a.balance) * 1e4) / 1e4);
  }
  return m;
}

export const factorsTests: E2ETest[] = [
  {
    id: 'factors-page',
    name: '要素保障: balances as the API gives them, a drawn trend, the ledger filtered by kind and exported to Excel, overdue loans flagged',
    async run({ driver, page, baseUrl, screenshot }) {
      await driver.open('/');
      await driver.login('city', DEMO_PASSWORD);
      const factors = new FactorsDriver(page);
      await factors.openFromNav();
      assert.equal(driver.pathname(), '/factors');

      const accounts = (await (await page.request.get(`${baseUrl}/api/factors/accounts?year=${YEAR}`)).json()) as FactorAccount[];
      const expected = balancesOf(accounts);
      const cityCode = accounts.find((a) => a.owner.kind === 'city')!.owner.code;
      const cells: Array<[string, string]> = [['371502', 'land'], [cityCode, 'land'], ['371503', 'energy'], ['371526', 'so2'], ['371502', 'funds'], ['371571', 'land'], ['371522', 'farmland_balance']];
      for (const [code, factor] of cells) {
        const want = expected.get(`${code}/${factor}`);
        assert.ok(want !== undefined, `the API has a ${factor} account for ${code}`);
        assert.equal(await factors.balance(code, factor), want, `${code} ${factor}`);
      }
      const units = await factors.balanceUnits();
      assert.equal(units.length, 1 + LIAOCHENG_COUNTIES.length + LIAOCHENG_ZONES.length, units.join(' | '));
      assert.match(units[0]!, /市级统筹池/);
      for (const name of [...LIAOCHENG_COUNTIES, ...LIAOCHENG_ZONES]) assert.ok(units.some((u) => u.endsWith(name)), `row for ${name}`);

      const painted = await factors.trendPaintedPixels();
      assert.ok(painted > 3000, `trend chart painted ${painted} pixels`);
      await factors.chooseTrendFactor('能耗指标');
      assert.ok((await factors.trendPaintedPixels()) > 3000, 'energy trend painted');
      await page.getByTestId('factor-trend-chart').scrollIntoViewIfNeeded();
      await screenshot('balances');

      // 台账: 下达 of land, as the API counts them, then exported.
      await factors.openTab('台账');
      await factors.filterLedger('下达', '新增建设用地指标');
      const listed = (await (await page.request.get(`${baseUrl}/api/factors/movements?year=${YEAR}&kind=${encodeURIComponent('下达')}&factor=land&pageSize=1`)).json()) as { total: number };
      assert.ok(listed.total > 10, `${listed.total} land 下达 movements`);
      assert.equal(await factors.ledgerTotal(), listed.total);
      const kinds = await factors.ledgerKinds();
      assert.ok(kinds.length > 0 && kinds.every((k) => k === '下达'), kinds.join(','));
      await screenshot('ledger');

      const download = await factors.exportLedger();
      assert.match(download.suggestedFilename(), /^要素台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile((await download.path())!);
      const sheet = book.getWorksheet('要素台账');
      assert.ok(sheet, 'sheet 要素台账');
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      assert.deepEqual(header.slice(0, 9), ['序号', '记账时间', '业务类型', '要素', '年度', '资金来源', '转出方', '转入方', '数量（亩）']);
      assert.equal(sheet.actualRowCount, listed.total + 1);
      const amountColumn = header.indexOf('数量（亩）') + 1;
      const kindColumn = header.indexOf('业务类型') + 1;
      let sum = 0;
      for (let r = 2; r <= sheet.actualRowCount; r++) {
        const amount: unknown = sheet.getRow(r).getCell(amountColumn).value;
        assert.equal(typeof amount, 'number', `row ${r} amount is a number`);
        assert.equal(sheet.getRow(r).getCell(kindColumn).value, '下达');
        sum += amount as number;
      }
      const all = (await (await page.request.get(`${baseUrl}/api/factors/movements?year=${YEAR}&kind=${encodeURIComponent('下达')}&factor=land&pageSize=500`)).json()) as { items: { amount: number }[] };
      assert.equal(Math.round(sum * 1e4) / 1e4, Math.round(all.items.reduce((s, m) => s + m.amount, 0) * 1e4) / 1e4, 'exported 下达 sum');

      // A document number, matched over the whole ledger of the year.
      const doc = `〔${YEAR}〕21号`;
      const everything = (await (await page.request.get(`${baseUrl}/api/factors/movements?year=${YEAR}&pageSize=500`)).json()) as { items: { documentNo: string; kind: string }[]; total: number };
      assert.ok(everything.total <= 500, 'one page holds the demo ledger');
      const withDoc = everything.items.filter((m) => m.documentNo.includes(doc));
      assert.ok(withDoc.length > 0, `movements under ${doc}`);
      await factors.filterLedgerByDocument(doc);
      assert.equal(await factors.ledgerTotal(), withDoc.length);
      assert.deepEqual(await factors.ledgerKinds(), withDoc.map((m) => m.kind));

      // 拆借: judged a year and more later, the open loan is overdue by exactly the days the API counts.
      await factors.openTab('拆借');
      const asOf = `${YEAR + 1}-12-31`;
      const loans = (await (await page.request.get(`${baseUrl}/api/factors/loans?asOf=${asOf}`)).json()) as FactorLoan[];
      assert.ok(loans.length > 0 && loans.every((l) => l.overdue), 'open loans overdue by then');
      await factors.setLoansAsOf(asOf);
      await page.getByTestId('loans-overdue-alert').waitFor({ state: 'visible', timeout: 15_000 });
      assert.deepEqual(await factors.overdueLoanTags(), loans.map((l) => `逾期 ${l.overdueDays} 天`));
      await factors.waitForTabBar(); // the tab's ink bar slides over before the picture
      await screenshot('loans');
    },
  },
  {
    id: 'factors-map',
    name: '要素余量: the county choropleth of remaining land quota on the map, coloured by class with its legend',
    async run({ driver, page, baseUrl, screenshot }) {
      await driver.open('/blueprint');
      await driver.login('city', DEMO_PASSWORD);
      await driver.waitForMap();
      assert.equal(await page.getByTestId('factor-capacity-legend').count(), 0, 'off by default');
      assert.equal((await driver.renderedFeatures('county-choropleth-fill')).length, 0);

      const factors = new FactorsDriver(page);
      await factors.showCapacity();
      await page.waitForFunction(() => {
        const map = (window as unknown as { __obMap: { queryRenderedFeatures(o: { layers: string[] }): unknown[] } }).__obMap;
        return map.queryRenderedFeatures({ layers: ['county-choropleth-fill'] }).length >= 8;
      }, null, { timeout: 30_000 });
      await driver.waitForMap();

      const accounts = (await (await page.request.get(`${baseUrl}/api/factors/accounts?year=${YEAR}&factor=land&ownerKind=county`)).json()) as FactorAccount[];
      const land = balancesOf(accounts);
      const rendered = await driver.renderedFeatures('county-choropleth-fill');
      const colourOf = new Map(rendered.map((p) => [String(p.code), String(p.colour)]));
      assert.equal(colourOf.size, 8, [...colourOf.keys()].join(','));
      // The legend's classes, darkest first; a county with more land left never gets a lighter class.
      const legend = await factors.capacityLegend();
      assert.equal(legend.length, 5, legend.join(' | '));
      const ramp = ['#ffffcc', '#c2e699', '#78c679', '#31a354', '#006837'];
      const byValue = [...colourOf.entries()].map(([code, colour]) => ({ code, colour, value: land.get(`${code}/land`)! })).sort((a, b) => a.value - b.value);
      for (let i = 1; i < byValue.length; i++) assert.ok(ramp.indexOf(byValue[i]!.colour) >= ramp.indexOf(byValue[i - 1]!.colour), JSON.stringify(byValue));
      const top = byValue[byValue.length - 1]!;
      assert.equal(top.colour, '#006837', `largest balance ${top.code} in the darkest class`);
      // The class bounds are round and cover the largest balance.
      const upper = Number(/–\s*([\d,.]+)/.exec(legend[0]!)?.[1]?.replace(/,/g, ''));
      assert.ok(upper >= top.value && upper < top.value * 1.6, `top class ends at ${upper} ≥ ${top.value}`);

      // On screen: the darkest county is deep green west of its label (its zones lie to the south-east).
      const regions = (await (await page.request.get(`${baseUrl}/api/regions`)).json()) as RegionCollection;
      const at = regions.features.find((f) => f.properties.code === top.code)!.properties.labelPoint!;
      const probes = await driver.pixelsAt([[at[0] - 0.1, at[1]], [at[0] - 0.08, at[1] - 0.1]]);
      for (const { rgb: [r, g, b] } of probes) assert.ok(g > r + 40 && g > b, `pixel in ${top.code} is green: ${[r, g, b].join(',')}`);
      await screenshot('choropleth');
    },
  },
];
