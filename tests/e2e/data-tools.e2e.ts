import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import { PDFDocument } from 'pdf-lib';
import type { Download, Page } from 'playwright-core';
import { metresPerPixel } from '../../client/src/modules/blueprint/print/scale-bar.ts';
import { coordinateFileBytes, readCoordinateFile, TEST_PARCELS, toLonLat, type XY } from './coordinate-file.fixture.ts';
import { DataToolsDriver } from './data-tools-driver.ts';
import { DEMO_PASSWORD, RESULTS_DIR } from './e2e-config.ts';
import type { E2ETest } from './harness.ts';
import { MapLayersDriver } from './map-layers-driver.ts';

const LAYER_NAME = '测试导入地块';
const PREVIEW_FILL = 'import-preview-fill';

function writeInput(name: string, bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'ob-e2e-import-'));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function saved(download: Download, name: string): Promise<Buffer> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `e2e-download-${name}`);
  await download.saveAs(path);
  return readFileSync(path);
}

const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/** Where the parcels are, checked independently of the app: proj4 puts them at 东昌府区. */
function assertFixtureInDongchangfu(): void {
  for (const parcel of TEST_PARCELS) {
    for (const xy of parcel.rings.flat()) {
      const [lon, lat] = toLonLat(xy);
      assert.ok(lon > 115.9 && lon < 116.1 && lat > 36.4 && lat < 36.5, `fixture point ${xy} → ${lon},${lat} lies in 东昌府区`);
    }
  }
}

const redness = ([r, g]: [number, number, number]) => r - g;

async function mapCanvasSize(page: Page): Promise<{ width: number; height: number }> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas')!;
    return { width: canvas.width, height: canvas.height };
  });
}

export const dataToolsTests: E2ETest[] = [
  {
    id: 'import-export-print',
    name: 'admin imports a GBK 坐标文件 as a new layer, exports it as 坐标文件 and shapefile, prints the map to PNG and PDF',
    async run({ driver, page, baseUrl, screenshot }) {
      assertFixtureInDongchangfu();
      const input = writeInput('东昌府区测试地块.txt', coordinateFileBytes());
      const tools = new DataToolsDriver(page);

      await driver.open('/');
      await driver.login('admin', DEMO_PASSWORD);
      await driver.waitForMap();

      // Parse and preview.
      await tools.openImport();
      await tools.chooseImportFile(input);
      await tools.parse();
      await page.getByTestId('import-summary').waitFor({ state: 'visible', timeout: 60_000 });
      assert.equal(await page.getByTestId('import-feature-count').innerText(), '2');
      const crsLabel = await page.getByTestId('import-crs-label').innerText();
      assert.match(crsLabel, /39|4527|117/, `the detected CRS names zone 39: ${crsLabel}`);
      const reportItems = await page.getByTestId('import-report').innerText();
      assert.match(reportItems, /[\u4e00-\u9fff]/, 'the report is in Chinese');
      assert.equal(await page.locator('[data-testid="import-report-item"][data-severity="error"]').count(), 0, `no errors in the report: ${reportItems}`);

      await tools.waitForMapIdle();
      assert.deepEqual(await tools.renderedCodes(PREVIEW_FILL), ['DK01', 'DK02'], 'both parcels are drawn by the preview layer');
      // On screen: the parcels are tinted, the hole of DK01 is not.
      const [dk01, hole, dk02] = await driver.pixelsAt([toLonLat([4035040, 39410040]), toLonLat([4035150, 39410200]), toLonLat([4035600, 39410750])]);
      assert.ok(redness(dk01!.rgb) > redness(hole!.rgb) + 30, `DK01 is tinted and its hole is not: ${JSON.stringify([dk01, hole])}`);
      assert.ok(redness(dk02!.rgb) > redness(hole!.rgb) + 30, `DK02 is tinted: ${JSON.stringify([dk02, hole])}`);
      await screenshot('preview');

      // Import as a new layer.
      await page.getByTestId('import-layer-name').fill(LAYER_NAME);
      await tools.select('import-layer-group', '土地');
      await tools.select('import-layer-kind', '参考');
      await page.getByTestId('import-submit').click();
      await page.getByTestId('import-saved').waitFor({ state: 'visible', timeout: 60_000 });
      await screenshot('imported');
      const layers = (await (await page.request.get(`${baseUrl}/api/layers`)).json()) as Array<{ key: string; name: string; group: string; kind: string; featureCount: number }>;
      const layer = layers.find((l) => l.name === LAYER_NAME);
      assert.ok(layer, `the new layer is listed: ${layers.map((l) => l.name).join('、')}`);
      assert.deepEqual({ group: layer.group, kind: layer.kind, featureCount: layer.featureCount }, { group: '土地', kind: 'reference', featureCount: 2 });
      await tools.closeDrawer('import-drawer');
      assert.deepEqual(await tools.renderedCodes(PREVIEW_FILL), [], 'the preview is gone once the data is a layer');

      // Export as 坐标文件 in zone 39, GBK: the corners come back where they were.
      await page.getByTestId('export-open').click();
      await tools.select('export-layer', LAYER_NAME, true);
      await page.getByTestId('export-format').getByText('坐标文件').click();
      await page.getByTestId('export-zone').getByText('39 带').click();
      await page.getByTestId('export-encoding').getByText('GBK').click();
      const txtDownload = await tools.download('export-download');
      assert.match(txtDownload.suggestedFilename(), /\.txt$/);
      const txt = await saved(txtDownload, 'coordinate-file.txt');
      assert.ok(txt.length > 100, 'the 坐标文件 is not empty');
      const text = iconv.decode(txt, 'gbk');
      assert.match(text, /\[地块坐标\]/);
      assert.match(text, /\r\n/, 'CRLF line ends');
      const exported = [...readCoordinateFile(text).values()];
      assert.equal(exported.length, 2, `two parcels in the file:\n${text}`);
      const near = (a: XY, b: XY) => Math.abs(a[0] - b[0]) < 0.01 && Math.abs(a[1] - b[1]) < 0.01;
      for (const parcel of TEST_PARCELS) {
        for (const corner of parcel.rings.flat()) {
          assert.ok(exported.some((points) => points.some((p) => near(p, corner))), `corner ${corner} of ${parcel.code} is in the export`);
        }
      }

      // Shapefile: a zip with .shp, .shx, .dbf, .prj and .cpg.
      await page.getByTestId('export-format').getByText('Shapefile').click();
      const zipDownload = await tools.download('export-download');
      const zip = await saved(zipDownload, 'shapefile.zip');
      const entries = Object.keys(unzipSync(new Uint8Array(zip)));
      for (const ext of ['.shp', '.shx', '.dbf', '.prj', '.cpg']) {
        assert.ok(entries.some((e) => e.toLowerCase().endsWith(ext)), `the zip holds a ${ext}: ${entries.join(', ')}`);
      }

      // GeoJSON of what the map shows: zoomed onto DK02, DK01 is out of view and out of the file.
      await new MapLayersDriver(driver).jumpTo(toLonLat([4035600, 39410750]), 17);
      await tools.waitForMapIdle();
      await page.getByTestId('export-format').getByText('GeoJSON').click();
      await page.getByTestId('export-scope').getByText('当前视图范围').click();
      const viewDownload = await tools.download('export-download');
      const inView = JSON.parse((await saved(viewDownload, 'view.geojson')).toString('utf8')) as { features: Array<{ properties: Record<string, unknown> }> };
      assert.deepEqual(inView.features.map((f) => f.properties.code), ['DK02'], 'only the parcel in view is exported');
      await screenshot('export');
      await tools.closeDrawer('export-drawer');

      // Print the new layer over a demo layer, zoomed to the parcels.
      const layerTree = new MapLayersDriver(driver);
      const demoLayer = layers.find((l) => l.name === '存量土地');
      assert.ok(demoLayer, 'the demo layer 存量土地 is listed');
      await layerTree.setLayer(demoLayer.key, true);
      await layerTree.setLayer(layer.key, true);
      await layerTree.jumpTo(toLonLat([4035350, 39410450]), 14);
      await layerTree.waitForRendered(`overlay-${layer.key}-fill`);

      // The scale bar uses the same metres per pixel as MapLibre's scale control.
      const scale = await tools.scaleControlMetresPerPixel();
      const ours = metresPerPixel(scale.lat, scale.zoom);
      assert.ok(Math.abs(ours - scale.metresPerPixel) / scale.metresPerPixel < 0.005, `scale bar maths ${ours} m/px vs MapLibre ${scale.metresPerPixel} m/px (${scale.label})`);

      await page.getByTestId('print-open').click();
      await page.getByTestId('print-title').fill('聊城市一张蓝图 导入测试');
      const pngDownload = await tools.download('print-png');
      assert.match(pngDownload.suggestedFilename(), /^聊城市一张蓝图导入测试_\d{8}_\d{4}\.png$/);
      const png = await saved(pngDownload, 'print.png');
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
      const canvas = await mapCanvasSize(page);
      const size = pngSize(png);
      // The map image 1:1 plus margins (24 + 24), the legend column (16 + 200), title (64) and footer (40).
      assert.equal(size.width, canvas.width + 264, `PNG width ${size.width} for a ${canvas.width} px map`);
      assert.equal(size.height, canvas.height + 24 + 64 + 40 + 24, `PNG height ${size.height} for a ${canvas.height} px map`);
      await page.getByTestId('print-preview').waitFor({ state: 'visible' });
      await screenshot('print');

      const pdfDownload = await tools.download('print-pdf');
      const pdf = await saved(pdfDownload, 'print.pdf');
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const doc = await PDFDocument.load(pdf);
      assert.equal(doc.getPageCount(), 1);
      const { width, height } = doc.getPage(0).getSize();
      assert.ok(Math.abs(width - 841.89) < 0.1 && Math.abs(height - 595.28) < 0.1, `A4 landscape: ${width} × ${height} pt`);
      assert.ok(pdf.length > png.length * 0.5, `the PDF carries the map image (${pdf.length} bytes)`);

      // 高清: the map is drawn at twice the pixels for the sheet, then returns to its own size.
      await page.getByTestId('print-drawer').getByText('高清').click();
      await page.getByTestId('print-preview-button').click();
      await page.waitForFunction((w) => Number(document.querySelector('[data-testid="print-preview"]')?.getAttribute('data-width')) === w, canvas.width * 2 + 528, { timeout: 60_000 });
      assert.deepEqual(await mapCanvasSize(page), canvas, 'the map canvas is back at screen resolution');
      await screenshot('print-2x');
    },
  },
  {
    id: 'import-preview-only',
    name: 'a planner may preview a file but not store it; a broken file gets a Chinese error',
    async run({ driver, page, screenshot }) {
      const tools = new DataToolsDriver(page);
      await driver.open('/');
      await driver.login('planner', DEMO_PASSWORD);
      await driver.waitForMap();
      await tools.openImport();

      await tools.chooseImportFile(writeInput('坏文件.txt', iconv.encode('[地块坐标]\r\n这不是坐标\r\n', 'gbk')));
      await tools.parse();
      const error = page.getByTestId('import-error');
      await error.waitFor({ state: 'visible', timeout: 60_000 });
      const message = await error.innerText();
      assert.match(message, /[\u4e00-\u9fff]/, `the error is in Chinese: ${message}`);
      assert.doesNotMatch(message, /HTTP|error|Error/, `the server's own message, not a status: ${message}`);
      await screenshot('error');

      await tools.chooseImportFile(writeInput('地块.txt', coordinateFileBytes()));
      await tools.parse();
      await page.getByTestId('import-summary').waitFor({ state: 'visible', timeout: 60_000 });
      await page.getByTestId('import-no-permission').waitFor({ state: 'visible' });
      assert.equal(await page.getByTestId('import-submit').count(), 0, 'no import button without layers.manage');
      await tools.waitForMapIdle();
      assert.deepEqual(await tools.renderedCodes(PREVIEW_FILL), ['DK01', 'DK02']);

      // 仅预览 closes the drawer and leaves the parcels on the map; 清除预览 removes them.
      await page.getByTestId('import-preview-only').click();
      await page.getByTestId('import-drawer').waitFor({ state: 'hidden' });
      assert.deepEqual(await tools.renderedCodes(PREVIEW_FILL), ['DK01', 'DK02']);
      await screenshot('preview-only');
      await tools.openImport();
      await page.getByTestId('import-clear-preview').click();
      await tools.waitForMapIdle();
      assert.deepEqual(await tools.renderedCodes(PREVIEW_FILL), []);
    },
  },
];
