import assert from 'node:assert/strict';
import { area, bbox, booleanPointInPolygon, centroid, point, pointOnFeature, polygon } from '@turf/turf';
import type { Feature, Polygon, MultiPolygon } from 'geojson';
import type { Request } from 'playwright-core';
import { waitForCommitted, waitForDrawing, waitForFinished } from './draw-store.ts';
import { DEMO_PASSWORD } from './e2e-config.ts';
import { MapLayersDriver } from './map-layers-driver.ts';
import type { E2ETest } from './harness.ts';

const FARMLAND_FILL = 'overlay-farmland-fill';
const M2_PER_MU = 10000 / 15;

/** The largest rendered farmland patch and a point well inside it. */
function pickPatch(features: Array<{ properties: Record<string, unknown>; geometry: GeoJSON.Geometry }>) {
  const patches = features
    .filter((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')
    .map((f) => ({ ...f, feature: { type: 'Feature', properties: {}, geometry: f.geometry } as Feature<Polygon | MultiPolygon> }));
  assert.ok(patches.length > 0, 'farmland patches are rendered');
  const largest = patches.reduce((a, b) => (area(b.feature) > area(a.feature) ? b : a));
  const inside = booleanPointInPolygon(centroid(largest.feature), largest.feature) ? centroid(largest.feature) : pointOnFeature(largest.feature);
  return { code: String(largest.properties.code), lonLat: inside.geometry.coordinates as [number, number], feature: largest.feature };
}

export const mapLayerTests: E2ETest[] = [
  {
    id: 'layer-tree-identify',
    name: 'turning on 永久基本农田 draws it, a click shows its Chinese attributes, and the link keeps the layer',
    async run({ driver, page, screenshot }) {
      const layers = new MapLayersDriver(driver);
      await driver.open('/');
      await driver.login('planner', DEMO_PASSWORD);
      await driver.waitForMap();

      const tree = page.getByTestId('layer-tree');
      await tree.waitFor();
      const groupOrder = await tree.locator('[data-testid^="layer-group-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace('layer-group-', '')));
      assert.deepEqual(groupOrder, ['三区三线', '国土空间规划', '产业规划', '生态环境', '能源', '土地', '基础设施', '项目']);
      const farmlandRow = page.getByTestId('layer-row-farmland');
      const rowText = await farmlandRow.innerText();
      assert.match(rowText, /永久基本农田/);
      assert.match(rowText, /刚性约束/);
      assert.match(rowText, /演示/);
      assert.match(rowText, /3,?000/, `feature count shown: ${rowText}`);
      assert.equal(await layers.isLayerOn('farmland'), false);

      // Off: nothing identifies, no popup. The click has been handled once MapLibre has dispatched it;
      // with no layer visible the app asks the server nothing, so no answer can open a popup later.
      const centre = (await driver.mapView()).center;
      const asked: string[] = [];
      const onRequest = (request: Request) => void (request.url().includes('/api/layers/features-at') && asked.push(request.url()));
      page.on('request', onRequest);
      const clicked = await layers.nextEvent('click');
      await layers.clickMapAt(centre);
      await clicked();
      page.off('request', onRequest);
      assert.deepEqual(asked, [], 'no identify request while no layer is visible');
      assert.equal(await page.getByTestId('identify-panel').count(), 0, 'no popup while no layer is visible');

      await layers.setLayer('farmland', true);
      const rendered = await layers.waitForRendered(FARMLAND_FILL);
      assert.ok(rendered > 100, `farmland drawn across the city: ${rendered} features`);
      await page.waitForFunction(() => /[#&]layers=farmland(&|$)/.test(window.location.hash), null, { timeout: 10_000 });
      await screenshot('farmland-on');

      // Zoom onto one patch so it is big on screen, then click inside it.
      const patch = pickPatch(await layers.renderedFeatures(FARMLAND_FILL));
      const [w, s, e, n] = bbox(patch.feature);
      const span = Math.max(e - w, n - s);
      await layers.jumpTo(patch.lonLat, Math.min(16, Math.log2(360 / span) + 0.5));
      await layers.waitForRendered(FARMLAND_FILL);
      const under = await layers.featuresAt(patch.lonLat, FARMLAND_FILL);
      assert.ok(under.length > 0, 'the chosen point lies on a rendered patch');
      const code = String(under[0]!.properties.code);
      assert.match(code, /^3715\d{2}-JBNT-\d{6}$/);

      // Pixels: on screen the patch is the layer's amber (#f9a825 at 45 %) over what lies beneath.
      const [drawn] = await driver.pixelsAt([patch.lonLat]);
      await layers.setStyleVisibility(FARMLAND_FILL, false);
      const [beneath] = await driver.pixelsAt([patch.lonLat]);
      await layers.setStyleVisibility(FARMLAND_FILL, true);
      const amber = [0xf9, 0xa8, 0x25];
      const expected = amber.map((c, i) => 0.45 * c + 0.55 * beneath!.rgb[i]!);
      assert.ok(
        drawn!.rgb.every((c, i) => Math.abs(c - expected[i]!) <= 10),
        `farmland painted at the patch: ${drawn!.rgb} (expected ≈ ${expected.map(Math.round)} over ${beneath!.rgb})`,
      );

      await layers.clickMapAt(patch.lonLat);
      const text = await layers.identifyPanelText();
      assert.match(text, /永久基本农田/);
      assert.match(text, /刚性约束/);
      const attributes = await layers.identifyAttributes();
      assert.equal(attributes['图斑编号'], code, `popup rows: ${JSON.stringify(attributes)}`);
      assert.ok('地类' in attributes && '耕地质量等别' in attributes, `Chinese labels: ${Object.keys(attributes)}`);
      await page.waitForFunction(
        () => ((window as unknown as { __obMap: { queryRenderedFeatures(g: unknown, o: unknown): unknown[] } }).__obMap.queryRenderedFeatures(undefined, { layers: ['identify-highlight-line'] }).length > 0),
        null,
        { timeout: 10_000 },
      );
      await layers.idle();
      await screenshot('identify');

      // The status bar shows the pointer in CGCS2000 GK (zone, X, Y).
      const { x, y } = await layers.screenPoint(patch.lonLat);
      await page.mouse.move(x + 3, y + 3);
      const gk = await page.getByTestId('pointer-gk').innerText();
      assert.match(gk, /^3[89] 带\s+X (39|40)\d{5}\.\d{2}\s+Y 3[89]\d{6}\.\d{2}$/, `GK readout: ${gk}`);

      const hash = driver.hash();
      await page.reload();
      await driver.waitForMap();
      assert.match(driver.hash(), /layers=farmland/);
      assert.equal(await layers.isLayerOn('farmland'), true, 'a reload keeps the layer on');
      assert.ok((await layers.waitForRendered(FARMLAND_FILL)) > 0, 'and draws it');
      assert.equal(driver.hash(), hash, 'the same link after reload');
    },
  },
  {
    id: 'layer-opacity-zoom',
    name: 'opacity goes into the link, and 缩放至图层 fits the layer',
    async run({ driver, page, screenshot }) {
      const layers = new MapLayersDriver(driver);
      await driver.open('/blueprint#map=9/36.45/115.98&layers=stock-land:40,rivers');
      await driver.waitForLoginPage();
      await driver.login('planner', DEMO_PASSWORD);
      await driver.waitForMap();
      assert.equal(await layers.isLayerOn('stock-land'), true);
      assert.equal(await layers.isLayerOn('rivers'), true);
      assert.match(await page.getByTestId('layer-opacity-stock-land').innerText(), /40%/);
      await layers.waitForRendered('overlay-rivers-line');
      const opacity = await page.evaluate(() => (window as unknown as { __obMap: { getPaintProperty(l: string, p: string): unknown } }).__obMap.getPaintProperty('overlay-stock-land-fill', 'fill-opacity'));
      assert.ok(Math.abs(Number(opacity) - 0.35 * 0.4) < 1e-9, `style opacity × slider: ${opacity}`);

      await page.getByTestId('layer-zoom-development-zones').click();
      await page.waitForFunction(() => /layers=[^&]*development-zones/.test(window.location.hash), null, { timeout: 10_000 });
      await layers.waitForRendered('overlay-development-zones-fill');
      const view = await driver.mapView();
      assert.ok(view.zoom > 10, `zoomed to the three development zones: ${view.zoom}`);
      assert.ok(Math.abs(view.center[0] - 116.02) < 0.1 && Math.abs(view.center[1] - 36.47) < 0.1, `centred on them: ${view.center}`);
      await layers.waitForRendered('overlay-stock-land-fill');
      await screenshot('zoomed');

      // A stock-land parcel inside a development zone: two hits, listed to choose from.
      let target: [number, number] | null = null;
      for (const parcel of await layers.renderedFeatures('overlay-stock-land-fill')) {
        const inside = pointOnFeature({ type: 'Feature', properties: {}, geometry: parcel.geometry } as Feature<Polygon>).geometry.coordinates as [number, number];
        if ((await layers.featuresAt(inside, 'overlay-development-zones-fill')).length && (await layers.featuresAt(inside, 'overlay-stock-land-fill')).length) {
          target = inside;
          break;
        }
      }
      assert.ok(target, 'a stock-land parcel lies in a development zone');
      await layers.clickMapAt(target);
      await layers.identifyPanelText();
      const hits = page.getByTestId('identify-hit');
      await hits.first().waitFor();
      const listed = await hits.allInnerTexts();
      assert.equal(listed.length, 2, `two hits: ${listed}`);
      assert.match(listed[0]!, /开发区/, 'tree order: 产业规划 before 土地');
      assert.match(listed[1]!, /存量土地/);
      await hits.nth(1).click();
      assert.match(await page.getByTestId('identify-layer-name').innerText(), /存量土地/);
      assert.match((await layers.identifyAttributes())['地块编号'] ?? '', /\S/);
      await hits.nth(0).click();
      const zone = await layers.identifyAttributes();
      assert.match(zone['主导产业'] ?? '', /\S、\S/, `主导产业 listed: ${JSON.stringify(zone)}`);
      await screenshot('two-hits');
      await page.getByTestId('identify-close').click();
      assert.equal(await page.getByTestId('identify-panel').count(), 0);
    },
  },
  {
    id: 'measure-area',
    name: 'measuring: four clicks give the area in 亩 and 公顷, and a line its length',
    async run({ driver, page, screenshot }) {
      const layers = new MapLayersDriver(driver);
      await driver.open('/');
      await driver.login('planner', DEMO_PASSWORD);
      await driver.waitForMap();
      await layers.jumpTo([115.98, 36.45], 14);
      await layers.idle();

      await page.getByTestId('tool-measure-area').click();
      await page.getByTestId('measure-panel').waitFor();
      const box = (await page.getByTestId('map').boundingBox())!;
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      const corners = [
        { x: cx - 150, y: cy - 100 },
        { x: cx + 150, y: cy - 100 },
        { x: cx + 150, y: cy + 100 },
        { x: cx - 150, y: cy + 100 },
      ];
      // Each click waits until terra-draw holds the vertex, so no two clicks run together.
      for (const [i, c] of corners.entries()) {
        await page.mouse.click(c.x, c.y);
        await waitForCommitted(page, 'measure', i + 1);
      }
      // Close the ring on its first point.
      await page.mouse.click(corners[0]!.x, corners[0]!.y);
      await waitForFinished(page, 'measure', 'polygon');
      const muText = await page.getByTestId('measure-area-mu').innerText();
      const haText = await page.getByTestId('measure-area-ha').innerText();
      await screenshot('area');

      const ring = await Promise.all([...corners, corners[0]!].map((c) => layers.lonLatAt(c)));
      // turf's spherical area, an independent method, within 0.5 %.
      const expectedMu = area(polygon([ring])) / M2_PER_MU;
      const mu = Number(muText.replace(/[^\d.]/g, ''));
      const ha = Number(haText.replace(/[^\d.]/g, ''));
      assert.match(muText, /^[\d,]+\.\d{2} 亩$/);
      assert.match(haText, /^[\d,]+\.\d{2} 公顷$/);
      assert.ok(Math.abs(mu / expectedMu - 1) < 0.005, `area ${muText} vs ${expectedMu.toFixed(2)} 亩`);
      assert.ok(Math.abs(ha * 15 - mu) < 0.15, `公顷 × 15 = 亩: ${haText} / ${muText}`);
      assert.match(await page.getByTestId('measure-area-planar').innerText(), /高斯平面面积（39 带）/);

      await page.getByTestId('measure-clear').click();
      await page.getByTestId('measure-panel').getByText('尚未绘制').waitFor();

      await page.getByTestId('measure-kind-distance').click();
      await page.mouse.click(corners[0]!.x, corners[0]!.y);
      await waitForDrawing(page, 'measure', 'linestring');
      await page.mouse.dblclick(corners[1]!.x, corners[1]!.y);
      await waitForFinished(page, 'measure', 'linestring');
      const distance = await page.getByTestId('measure-distance').innerText();
      const [a, b] = await Promise.all([layers.lonLatAt(corners[0]!), layers.lonLatAt(corners[1]!)]);
      const expectedM = Math.hypot((b[0] - a[0]) * 111_320 * Math.cos((a[1] * Math.PI) / 180), (b[1] - a[1]) * 110_950);
      const metres = Number(distance.replace(/[^\d.]/g, '')) * (distance.includes('公里') ? 1000 : 1);
      assert.ok(Math.abs(metres / expectedM - 1) < 0.01, `distance ${distance} vs ${expectedM.toFixed(1)} m`);
      await screenshot('distance');

      await page.getByTestId('measure-close').click();
      assert.equal(await page.getByTestId('measure-panel').count(), 0);
    },
  },
  {
    id: 'layer-compare',
    name: 'two layers compared with a swipe and side by side, on synchronised maps',
    async run({ driver, page, screenshot }) {
      const layers = new MapLayersDriver(driver);
      await driver.open('/blueprint#map=11/36.45/116.0&layers=farmland,stock-land');
      await driver.waitForLoginPage();
      await driver.login('planner', DEMO_PASSWORD);
      await driver.waitForMap();
      await page.getByTestId('tool-compare').click();
      await page.getByTestId('compare-maps').waitFor();
      await page.waitForFunction(() => (window as unknown as { __obCompareMaps?: unknown[] }).__obCompareMaps?.length === 2, null, { timeout: 30_000 });
      assert.ok((await layers.waitForRendered('overlay-farmland-fill', 'left')) > 0, 'left map draws 永久基本农田');
      assert.ok((await layers.waitForRendered('overlay-stock-land-fill', 'right')) > 0, 'right map draws 存量土地');
      const leftHasStock = await page.evaluate(() => !!(window as unknown as { __obCompareMaps: Array<{ getLayer(id: string): unknown }> }).__obCompareMaps[0]!.getLayer('overlay-stock-land-fill'));
      assert.equal(leftHasStock, false, 'each side draws its own layer only');
      await screenshot('swipe');

      // Drag the divider to the left: the right map shows more.
      const divider = (await page.getByTestId('swipe-divider').boundingBox())!;
      await page.mouse.move(divider.x + divider.width / 2, divider.y + divider.height / 2);
      await page.mouse.down();
      await page.mouse.move(divider.x - 200, divider.y + divider.height / 2, { steps: 8 });
      await page.mouse.up();
      const clip = await page.getByTestId('compare-right').evaluate((el) => (el as HTMLElement).style.clipPath);
      const share = Number(/inset\(0(?:px)? 0(?:px)? 0(?:px)? ([\d.]+)%\)/.exec(clip)?.[1]);
      assert.ok(share > 20 && share < 45, `divider moved left: ${clip}`);
      await screenshot('swiped');

      // Pan the left map: the right one and the main map follow.
      const pane = (await page.getByTestId('compare-left').boundingBox())!;
      const panned = await layers.nextEvent('moveend', 'left');
      await page.mouse.move(pane.x + 100, pane.y + 200);
      await page.mouse.down();
      await page.mouse.move(pane.x + 40, pane.y + 260, { steps: 6 });
      await page.mouse.up();
      await panned();
      const centres = await page.evaluate(() => {
        const w = window as unknown as { __obMap: { getCenter(): { lng: number; lat: number } }; __obCompareMaps: Array<{ getCenter(): { lng: number; lat: number } }> };
        return [w.__obCompareMaps[0]!, w.__obCompareMaps[1]!, w.__obMap].map((m) => [m.getCenter().lng, m.getCenter().lat]);
      });
      assert.ok(Math.abs(centres[0]![0]! - 116.0) > 1e-4, `the left map moved: ${centres[0]}`);
      for (const c of centres.slice(1)) assert.ok(Math.abs(c[0]! - centres[0]![0]!) < 1e-9 && Math.abs(c[1]! - centres[0]![1]!) < 1e-9, `maps in sync: ${JSON.stringify(centres)}`);

      await page.getByTestId('compare-mode-side').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="compare-maps"]')?.getAttribute('data-mode') === 'side');
      await layers.idle('right');
      const widths = await page.evaluate(() => ['compare-left', 'compare-right'].map((id) => document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect().width));
      const total = (await page.getByTestId('compare-maps').boundingBox())!.width;
      for (const w of widths) assert.ok(Math.abs(w - total / 2) < 4, `side by side halves: ${widths} of ${total}`);
      await screenshot('side');

      await page.getByTestId('compare-exit').click();
      await page.getByTestId('compare-maps').waitFor({ state: 'detached' });
      assert.equal(await layers.compareMapCount(), 0);
    },
  },
];
