import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { area, pointOnFeature } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { DEMO_PASSWORD, ROOT } from './e2e-config.ts';
import type { E2ETest } from './harness.ts';
import { MapLayersDriver } from './map-layers-driver.ts';
import { SitingDriver } from './siting-driver.ts';
import { SitingReportDriver } from './siting-report-driver.ts';

export const sitingReportTests: E2ETest[] = [
  {
    id: 'siting-report',
    name: '选址报告: a forbidden site is saved as a numbered report, opened as a page with its map, and as a PDF',
    async run({ driver, page, screenshot }) {
      const farmland = JSON.parse(readFileSync(join(ROOT, 'data/demo/farmland.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
      const patch = farmland.features.reduce((a, b) => (area(b) > area(a) ? b : a));
      const inside = pointOnFeature(patch).geometry.coordinates as [number, number];
      // The patch point left of the centre (the panel covers the right), at a zoom where 200 px ≈ 400 m.
      await driver.open(`/blueprint#map=15.50/${inside[1].toFixed(6)}/${(inside[0] + 0.004).toFixed(6)}`);
      await driver.waitForLoginPage();
      await driver.login('planner', DEMO_PASSWORD);
      await driver.waitForMap();
      const layers = new MapLayersDriver(driver);
      const siting = new SitingDriver(driver);
      await layers.setLayer('farmland', true);
      await layers.waitForRendered('overlay-farmland-fill');
      await siting.open();
      await siting.chooseMode('rectangle');
      const centre = await layers.screenPoint(inside);
      await siting.drawRectangle({ x: centre.x - 90, y: centre.y - 60 }, { x: centre.x + 60, y: centre.y + 50 });
      await siting.analyze();
      assert.equal(await siting.verdictResult(), 'forbidden');

      const reports = new SitingReportDriver(page);
      const number = await reports.create();
      assert.match(number, /^XZ-\d{4}-\d{4}$/);
      await screenshot('created');

      const tab = await reports.openInNewTab();
      assert.equal(await SitingReportDriver.reportNumber(tab), number);
      assert.equal(await SitingReportDriver.verdict(tab), 'forbidden');
      const img = await SitingReportDriver.mapImageSize(tab);
      assert.ok(img.width > 500 && img.height > 370, `map image ${img.width}×${img.height}`);
      await tab.screenshot({ path: (await screenshot('panel')).replace(/panel\.png$/, 'report-page.png'), fullPage: true });

      const pdf = await tab.request.get(new URL(await SitingReportDriver.pdfHref(tab), tab.url()).toString());
      assert.equal(pdf.status(), 200);
      assert.equal(pdf.headers()['content-type'], 'application/pdf');
      assert.match(pdf.headers()['content-disposition'] ?? '', new RegExp(`^attachment.*${number}\\.pdf`));
      const bytes = await pdf.body();
      assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.ok(bytes.length > 20_000, `PDF of ${bytes.length} bytes`);

      // The list of reports names it too.
      await tab.goto(new URL('/siting/reports', tab.url()).toString());
      await tab.getByTestId('reports-page').getByText(number).waitFor({ state: 'visible' });
      await tab.close();
    },
  },
];
