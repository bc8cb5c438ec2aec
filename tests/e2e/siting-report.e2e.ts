import assert from 'node:assert/strict';
import { siteOverLargestFarmland } from './farmland-site.fixture.ts';
import type { E2ETest } from './harness.ts';
import { SitingReportDriver } from './siting-report-driver.ts';

export const sitingReportTests: E2ETest[] = [
  {
    id: 'siting-report',
    name: '选址报告: a forbidden site is saved as a numbered report, opened as a page with its map, and as a PDF',
    async run({ driver, page, screenshot }) {
      const { siting } = await siteOverLargestFarmland(driver);
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
