import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { area, bbox, bboxPolygon, booleanIntersects, featureCollection, intersect, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { DEMO_PASSWORD, ROOT } from './e2e-config.ts';
import type { E2ETest } from './harness.ts';
import { MapLayersDriver } from './map-layers-driver.ts';
import { SitingDriver } from './siting-driver.ts';
import { sitingToolsTests } from './siting-tools.e2e.ts';

const M2_PER_MU = 10000 / 15;
const muOf = (text: string) => Number(text.replace(/[^\d.]/g, ''));

type Patch = Feature<Polygon | MultiPolygon, { code: string }>;

/** A demo farmland patch of a good size (the largest of the file), read from the data, not the app. */
function demoFarmland(): Patch[] {
  const collection = JSON.parse(readFileSync(join(ROOT, 'data/demo/farmland.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { code: string }>;
  return collection.features;
}

export const sitingTests: E2ETest[] = [
  {
    id: 'siting-farmland',
    name: '选址分析: a rectangle drawn across 永久基本农田 is 禁止选址 with the overlap in 亩',
    async run({ driver, page, screenshot }) {
      const farmland = demoFarmland();
      const patch = farmland.reduce((a, b) => (area(b) > area(a) ? b : a));
      const [w, s, e, n] = bbox(patch);
      const inside = pointOnFeature(patch).geometry.coordinates as [number, number];
      // The rectangle: from just south-west of the patch to a point inside it, so it covers part of it.
      const outsideCorner: [number, number] = [w - (e - w) * 0.1, s - (n - s) * 0.1];
      const dLon = inside[0] - outsideCorner[0];
      const dLat = (inside[1] - outsideCorner[1]) / Math.cos((inside[1] * Math.PI) / 180);
      // About 400 px across, centred left of the panel on the right.
      const zoom = Math.min(17, Math.log2((400 * 360) / (512 * Math.max(dLon, dLat))));
      const pxPerDeg = (512 * 2 ** zoom) / 360; // MapLibre's world is 512 px wide at zoom 0
      const centre: [number, number] = [(outsideCorner[0] + inside[0]) / 2 + 200 / pxPerDeg, (outsideCorner[1] + inside[1]) / 2];

      await driver.open(`/blueprint#map=${zoom.toFixed(2)}/${centre[1].toFixed(6)}/${centre[0].toFixed(6)}`);
      await driver.waitForLoginPage();
      await driver.login('planner', DEMO_PASSWORD);
      await driver.waitForMap();
      const layers = new MapLayersDriver(driver);
      const siting = new SitingDriver(driver);
      // 永久基本农田 drawn, so the screenshots show what the site runs into.
      await layers.setLayer('farmland', true);
      await layers.waitForRendered('overlay-farmland-fill');
      await siting.open();
      await siting.chooseMode('rectangle');

      const from = await layers.screenPoint(outsideCorner);
      const to = await layers.screenPoint(inside);
      await siting.drawRectangle(from, to);
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
