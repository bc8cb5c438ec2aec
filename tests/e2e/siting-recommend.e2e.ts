import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { area, bbox } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { DEMO_PASSWORD, ROOT } from './e2e-config.ts';
import type { E2ETest } from './harness.ts';
import { SitingDriver } from './siting-driver.ts';
import { RecommendDriver } from './siting-recommend-driver.ts';

const M2_PER_MU = 10000 / 15;

/** The demo parks whose industry codes cover C36, read from the data, not the app. */
function parksFor(code: string): string[] {
  const parks = JSON.parse(readFileSync(join(ROOT, 'data/demo/industrial-parks.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { name: string; industryCodes: string[] }>;
  return parks.features.filter((f) => f.properties.industryCodes.some((c) => code.startsWith(c))).map((f) => f.properties.name);
}

export const sitingRecommendTests: E2ETest[] = [
  {
    id: 'siting-recommend',
    name: '推荐选址: 200 亩 of C36 — ranked candidates on the map, two compared side by side',
    async run({ driver, page, baseUrl, screenshot }) {
      const matching = parksFor('36');
      assert.deepEqual(matching, ['聊城经济技术开发区新能源汽车产业园']);

      await driver.open('/blueprint');
      await driver.waitForLoginPage();
      await driver.login('planner', DEMO_PASSWORD);
      await driver.waitForMap();
      const recommend = new RecommendDriver(driver);
      await recommend.open();
      await recommend.ask({ areaMu: 200, industry: 'C36' });

      const items = await recommend.items();
      assert.equal(items.length, 10, 'ten candidates listed');
      assert.match(await recommend.explanation(), /存量土地图层共 150 个地块，符合条件的候选 \d+ 个，列出评分最高的 10 个/);
      for (let i = 1; i < items.length; i++) assert.ok(items[i - 1]!.score >= items[i]!.score, `scores descend: ${items.map((x) => x.score).join(', ')}`);
      assert.ok(items[0]!.text.includes(matching[0]!), `the best candidate lies in the C36 park: ${items[0]!.text}`);
      assert.equal(await recommend.markerCount(), 10, 'one numbered marker per candidate');
      await screenshot('ranked');

      // The server's candidates, fetched with the planner's session, to check the figures independently.
      const response = await page.request.post(new URL('/api/siting/recommend', baseUrl).href, { data: { areaMu: 200, industry: 'C36', weights: { industry: 30, conflicts: 25, road: 15, capacity: 15, compactness: 15 }, limit: 10 } });
      const body = (await response.json()) as { candidates: { id: number; geometry: Polygon | MultiPolygon; area: { mu: number } }[] };
      assert.deepEqual(body.candidates.map((c) => c.id), items.map((x) => x.id), 'the list shows the server order');
      for (const c of body.candidates) {
        const mu = area(c.geometry) / M2_PER_MU;
        // turf's spherical area against the GK planar need: within 0.5 % for whole parcels cut or not (≥ 95 %, ≤ 120 %).
        assert.ok(mu > 200 * 0.95 * 0.995 && mu < 200 * 1.2 * 1.005, `candidate ${c.id}: ${mu.toFixed(2)} 亩`);
      }

      // A click on the second candidate zooms to it and shows its reasons.
      await recommend.select(2);
      const second = body.candidates[1]!;
      const centre = await recommend.mapCentre();
      const [w, s, e, n] = bbox(second.geometry);
      assert.ok(centre[0] > w && centre[0] < e && centre[1] > s && centre[1] < n, `map centred on candidate 2 (${centre}) within ${[w, s, e, n]}`);
      const reasons = await recommend.reasons();
      for (const name of ['产业匹配', '管控冲突', '道路可达', '要素容量', '形状紧凑']) assert.ok(reasons.includes(name), `reason for ${name}: ${reasons}`);
      await screenshot('selected');

      await recommend.compare([1, 2]);
      const shapes = await recommend.shapes([1, 2]);
      for (const shape of shapes) {
        assert.ok(shape.paths >= 1, `candidate ${shape.rank} drawn`);
        assert.match(shape.scale, /^\d+ (米|公里)$/);
      }
      const areaRow = await recommend.compareRow('area');
      assert.equal((areaRow.match(/亩/g) ?? []).length, 2, `two areas: ${areaRow}`);
      for (const key of ['score', 'industry', 'conflicts', 'road', 'capacity', 'compactness', 'roadDistance', 'park', 'verdict']) {
        assert.ok((await recommend.compareRow(key)).length > 4, `row ${key} filled`);
      }
      assert.ok((await recommend.compareRow('park')).includes(matching[0]!));
      await screenshot('compare');

      // 以此为选址: the first candidate goes to 选址分析, whose own analysis agrees on its area.
      await recommend.closeCompare();
      await recommend.select(1);
      await recommend.useSelected();
      const siting = new SitingDriver(driver);
      await page.waitForFunction(() => /亩/.test(document.querySelector('[data-testid="siting-live-area"]')?.textContent ?? ''), undefined, { timeout: 15_000 });
      await siting.analyze();
      const first = body.candidates[0]!;
      const analysedMu = Number((await siting.areaMu()).replace(/[^\d.]/g, ''));
      assert.ok(Math.abs(analysedMu / first.area.mu - 1) < 0.001, `analysed ${analysedMu} 亩 vs recommended ${first.area.mu} 亩`);
      assert.equal(await siting.verdictResult(), 'ok');
      await screenshot('handed-over');
    },
  },
];
