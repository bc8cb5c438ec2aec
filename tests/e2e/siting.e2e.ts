import assert from 'node:assert/strict';
import { area, bboxPolygon, booleanIntersects, featureCollection, intersect } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { siteOverLargestFarmland } from './farmland-site.fixture.ts';
import type { E2ETest } from './harness.ts';
import { sitingToolsTests } from './siting-tools.e2e.ts';

const M2_PER_MU = 10000 / 15;
const muOf = (text: string) => Number(text.replace(/[^\d.]/g, ''));

export const sitingTests: E2ETest[] = [
  {
    id: 'siting-farmland',
    name: '选址分析: a rectangle drawn across 永久基本农田 is 禁止选址 with the overlap in 亩',
    async run({ driver, page, screenshot }) {
      // The rectangle: from just south-west of the largest patch to a point inside it, so it covers part of it.
      const { layers, siting, target, from, to } = await siteOverLargestFarmland(driver);
      const { farmland } = target;
      await screenshot('drawn');
      const live = await siting.liveArea();
      assert.match(live, /^[\d,]+\.\d{2} 亩$/, `live area: ${live}`);

      // The rectangle as drawn (terra-draw's corners are the clicked lon/lat), computed independently.
      const [a, b] = await Promise.all([layers.lonLatAt(from), layers.lonLatAt(to)]);
      const rect = bboxPolygon([Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])]);
      const siteMu = area(rect) / M2_PER_MU;
      assert.ok(Math.abs(muOf(live) / siteMu - 1) < 0.01, `live ${live} vs ${siteMu.toFixed(2)} 亩`);
      const overlapMu =
        farmland
          .filter((f) => booleanIntersects(f, rect))
          .map((f) => intersect(featureCollection<Polygon | MultiPolygon>([f, rect])))
          .reduce((sum, part) => sum + (part ? area(part) : 0), 0) / M2_PER_MU;
      assert.ok(overlapMu > 0, 'the drawn site does overlap the patch');

      await siting.analyze();
      const verdict = await siting.verdict();
      assert.equal(await siting.verdictResult(), 'forbidden');
      assert.match(verdict, /禁止选址/);
      assert.match(verdict, /永久基本农田/, `the rule names the layer: ${verdict}`);
      const areaMu = muOf(await siting.areaMu());
      assert.ok(Math.abs(areaMu / siteMu - 1) < 0.01, `site area ${areaMu} vs ${siteMu.toFixed(2)} 亩`);

      const row = await siting.finding('farmland');
      assert.match(row.text, /永久基本农田/);
      assert.match(row.text, /禁止/);
      const shownMu = muOf(row.mu);
      assert.ok(shownMu > 0, `overlap shown: ${row.mu}`);
      assert.ok(Math.abs(shownMu - overlapMu) <= Math.max(0.02, overlapMu * 0.01), `overlap ${row.mu} vs ${overlapMu.toFixed(2)} 亩 (turf)`);
      await screenshot('verdict');
      await page.getByTestId('siting-close').click();
      assert.equal(await page.getByTestId('siting-panel').count(), 0);
    },
  },
  // Undo/redo, import, parcel picking, rules admin (siting-tools.e2e.ts), registered with these.
  ...sitingToolsTests,
];
