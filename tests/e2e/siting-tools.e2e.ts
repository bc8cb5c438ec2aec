import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { area, bbox, bboxPolygon, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import proj4 from 'proj4';
import { coordinateFileBytes, EPSG_4527, rect, type TestParcel, type XY } from './coordinate-file.fixture.ts';
import { polygonArea } from '../../common/src/geodesy.ts';
import { DEMO_PASSWORD, ROOT } from './e2e-config.ts';
import type { E2ETest } from './harness.ts';
import { FarmlandSite, largestFarmlandPatch } from './farmland-site.fixture.ts';
import { MapLayersDriver } from './map-layers-driver.ts';
import { SitingRulesDriver, SitingToolsDriver } from './siting-driver.ts';

const M2_PER_MU = 10000 / 15;
/** CGCS2000 3-degree zone 38 with the zone number in the easting (EPSG:4526). */
const EPSG_4526 = '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=38500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';

const shoelace = (ring: XY[]) => Math.abs(ring.slice(0, -1).reduce((s, p, i) => s + p[0] * ring[i + 1]![1] - ring[i + 1]![0] * p[1], 0)) / 2;
const within = (actual: number, expected: number, tolerance: number, what: string) =>
  assert.ok(Math.abs(actual / expected - 1) <= tolerance, `${what}: ${actual} vs ${expected.toFixed(3)} (±${tolerance * 100}%)`);
const muOf = (text: string) => Number(text.replace(/[^\d.]/g, ''));

function writeTemp(name: string, bytes: Buffer | string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ob-e2e-siting-')), name);
  writeFileSync(path, bytes);
  return path;
}

function demoLayer(key: string): Feature<Polygon | MultiPolygon, Record<string, unknown>>[] {
  return (JSON.parse(readFileSync(join(ROOT, `data/demo/${key}.geojson`), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>).features;
}

/** A map hash that shows [w, s, e, n] about `px` pixels wide, left of the panel on the right. */
function viewOf([w, s, e, n]: number[], px = 350): string {
  const lat = (s! + n!) / 2;
  const span = Math.max(e! - w!, (n! - s!) / Math.cos((lat * Math.PI) / 180));
  const zoom = Math.min(17, Math.log2((px * 360) / (512 * span)));
  const pxPerDeg = (512 * 2 ** zoom) / 360;
  return `/blueprint#map=${zoom.toFixed(2)}/${lat.toFixed(6)}/${((w! + e!) / 2 + 200 / pxPerDeg).toFixed(6)}`;
}

/** Rectangle area in 亩 between two page points, as terra-draw stores it (the corners' lon/lat). */
async function rectangleMu(layers: MapLayersDriver, a: { x: number; y: number }, b: { x: number; y: number }): Promise<number> {
  const [p, q] = await Promise.all([layers.lonLatAt(a), layers.lonLatAt(b)]);
  return area(bboxPolygon([Math.min(p[0], q[0]), Math.min(p[1], q[1]), Math.max(p[0], q[0]), Math.max(p[1], q[1])])) / M2_PER_MU;
}

async function apiLogin(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(new URL('/api/auth/login', baseUrl), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  assert.equal(res.status, 200, `api login ${username}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

export const sitingToolsTests: E2ETest[] = [
  {
    id: 'siting-undo-redo',
    name: '选址分析: a drawn rectangle resized by its corner; undo/redo (buttons and keys) and clear change the area back and forth',
    async run({ driver, page, screenshot }) {
      await driver.open('/blueprint#map=15.00/36.450000/115.980000');
      await driver.login('planner', DEMO_PASSWORD);
      await driver.waitForMap();
      const layers = new MapLayersDriver(driver);
      const siting = new SitingToolsDriver(driver);
      await siting.open();
      assert.equal(await page.getByTestId('siting-snap').getAttribute('aria-checked'), 'true', '吸附 is on by default');
      await siting.chooseMode('rectangle');
      const c = await layers.screenPoint([115.98, 36.45]);
      const from = { x: c.x - 250, y: c.y - 120 };
      const to = { x: c.x - 30, y: c.y + 60 };
      await siting.drawRectangle(from, to);
      const first = await siting.waitForLiveArea();
      within(first, await rectangleMu(layers, from, to), 0.01, 'drawn rectangle');

      // Resize: drag the corner handle; the opposite corner stays.
      const to2 = { x: c.x + 60, y: c.y + 140 };
      await siting.drag(to, to2);
      const second = (await siting.liveMu())!;
      within(second, await rectangleMu(layers, from, to2), 0.01, 'resized rectangle');
      assert.ok(second > first * 1.3, `the resize grew the site: ${first} → ${second}`);
      await screenshot('resized');

      await siting.undo();
      assert.equal(await siting.liveMu(), first, 'undo gives the drawn area back');
      await siting.redo();
      assert.equal(await siting.liveMu(), second, 'redo gives the resized area back');
      await siting.press('Control+z');
      assert.equal(await siting.liveMu(), first, 'Ctrl+Z undoes');
      await siting.press('Control+Shift+z');
      assert.equal(await siting.liveMu(), second, 'Ctrl+Shift+Z redoes');
      await siting.press('Control+z');
      await siting.press('Control+y');
      assert.equal(await siting.liveMu(), second, 'Ctrl+Y redoes');

      await siting.clear();
      assert.equal(await siting.liveMu(), null, 'cleared');
      await siting.undo();
      assert.equal(await siting.liveMu(), second, 'undo brings the cleared site back');
      assert.equal(await page.getByTestId('siting-redo').isEnabled(), true);
      await screenshot('restored');

      // A circle resizes about its centre: dragging its edge from r to 1.5 r gives 2.25 × the area.
      await siting.chooseMode('circle');
      const centre = { x: c.x - 150, y: c.y - 20 };
      await siting.drawRectangle(centre, { x: centre.x + 100, y: centre.y });
      const small = await siting.waitForLiveArea();
      await siting.drag({ x: centre.x + 100, y: centre.y }, { x: centre.x + 150, y: centre.y });
      const large = (await siting.liveMu())!;
      within(large / small, 2.25, 0.03, 'circle area ratio after resizing');
      await screenshot('circle');
    },
  },
  {
    id: 'siting-import-file',
    name: '选址分析: a 坐标文件 with two parcels, the second chosen, is the site (area = shoelace in EPSG:4527); a bad file shows the server’s Chinese error',
    async run({ driver, page, screenshot }) {
      const parcels: TestParcel[] = [
        { code: 'XZ01', name: '选址甲', use: '工业用地', rings: [rect(4035500, 39410600, 4035700, 39410900)], areaM2: 0 },
        { code: 'XZ02', name: '选址乙', use: '工业用地', rings: [rect(4036000, 39411000, 4036250, 39411400)], areaM2: 0 },
      ].map((p) => ({ ...p, areaM2: shoelace(p.rings[0]!) }));
      // Independent figure: the GK-plane rectangle, 250 m × 400 m = 100 000 m² = 150 亩.
      const expectedM2 = shoelace(parcels[1]!.rings[0]!.map(([x, y]) => [y, x] as XY));
      assert.equal(expectedM2, 100_000);

      await driver.open('/blueprint');
      await driver.login('planner', DEMO_PASSWORD);
      await driver.waitForMap();
      const layers = new MapLayersDriver(driver);
      const siting = new SitingToolsDriver(driver);
      await siting.open();

      await siting.importFile(writeTemp('坏文件.txt', '这不是坐标文件\r\n1,2,3\r\n'));
      const error = await siting.importError();
      assert.match(error, /[\u4e00-\u9fff]{4,}/, `a Chinese message: ${error}`);
      assert.doesNotMatch(error, /HTTP \d{3}/, `the server's own message, not a generic one: ${error}`);
      await screenshot('bad-file');

      await siting.importFile(writeTemp('两个地块.txt', coordinateFileBytes(parcels)));
      await page.getByTestId('siting-import-choices').waitFor({ state: 'visible', timeout: 60_000 });
      assert.equal(await page.locator('[data-testid^="siting-import-choice-"]').count(), 2);
      await siting.chooseCandidate('1-0');
      const live = await siting.waitForLiveArea();
      within(live, expectedM2 / M2_PER_MU, 0.002, 'live (ellipsoidal) area of the imported parcel');
      await layers.idle();
      // The map went to the parcel.
      const centre = await page.evaluate(() => window.__obMap!.getCenter().toArray() as [number, number]);
      const [lon, lat] = proj4(EPSG_4527, 'EPSG:4326', [39411200, 4036125]) as [number, number];
      assert.ok(Math.abs(centre[0] - lon) < 0.01 && Math.abs(centre[1] - lat) < 0.01, `map centred near the parcel: ${centre} vs ${lon},${lat}`);
      assert.match(await siting.notice(), /作为选址范围/);

      await siting.analyze();
      assert.equal(await siting.areaEpsg(), 4527);
      within(muOf(await siting.areaMu()), expectedM2 / M2_PER_MU, 0.001, 'analysed area (GK plane)');
      await screenshot('imported');
    },
  },
  {
    id: 'siting-pick-stock',
    name: '选址分析: 拾取存量地块 makes a clicked stock-land parcel the site; its analysed area is the shoelace area of the parcel in its GK zone',
    async run({ driver, page, screenshot }) {
      const parcel = demoLayer('stock-land').find((f) => f.properties.county === '371502' && f.geometry.type === 'Polygon') as Feature<Polygon, Record<string, unknown>>;
      assert.ok(parcel, 'a demo stock-land parcel in 东昌府区');
      const ring = parcel.geometry.coordinates[0] as XY[];
      const meanLon = ring.reduce((s, p) => s + p[0], 0) / ring.length;
      const def = meanLon < 115.5 ? EPSG_4526 : EPSG_4527;
      const expectedM2 = shoelace(ring.map((p) => proj4('EPSG:4326', def, p) as XY));

      await driver.open(viewOf(bbox(parcel)));
      await driver.login('planner', DEMO_PASSWORD);
      await driver.waitForMap();
      const layers = new MapLayersDriver(driver);
      const siting = new SitingToolsDriver(driver);
      await siting.open();
      await siting.startPicking();
      await layers.waitForRendered('overlay-stock-land-fill');
      assert.match(await page.getByTestId('siting-hint').innerText(), /存量土地/);
      await layers.clickMapAt(pointOnFeature(parcel).geometry.coordinates as [number, number]);
      const live = await siting.waitForLiveArea();
      within(live, expectedM2 / M2_PER_MU, 0.003, 'live area of the picked parcel');
      assert.match(await siting.notice(), new RegExp(String(parcel.properties.code)));
      await siting.analyze();
      assert.equal(await siting.areaEpsg(), meanLon < 115.5 ? 4526 : 4527);
      within(muOf(await siting.areaMu()), expectedM2 / M2_PER_MU, 0.001, 'analysed area of the picked parcel');
      await screenshot('picked');
    },
  },
  {
    id: 'siting-snap',
    name: '选址分析: with 吸附 on, clicks a few pixels off stock-parcel corners land on the corners; Ctrl+Z takes back a vertex while drawing; with 吸附 off they do not',
    async run({ driver, page, screenshot }) {
      const parcel = demoLayer('stock-land').find((f) => f.properties.county === '371502' && f.geometry.type === 'Polygon') as Feature<Polygon, Record<string, unknown>>;
      const ring = parcel.geometry.coordinates[0]!.slice(0, -1) as [number, number][];
      const corners = [ring[0]!, ring[Math.floor(ring.length / 3)]!, ring[Math.floor((2 * ring.length) / 3)]!];
      const triangleMu = (pts: [number, number][]) => polygonArea([[...pts, pts[0]!]]) / M2_PER_MU;

      await driver.open(viewOf(bbox(parcel)));
      await driver.login('planner', DEMO_PASSWORD);
      await driver.waitForMap();
      const layers = new MapLayersDriver(driver);
      const siting = new SitingToolsDriver(driver);
      await layers.setLayer('stock-land', true);
      await layers.waitForRendered('overlay-stock-land-fill');
      await siting.open();
      // Different slips per corner (one shift for all would only move the triangle, not change its area).
      const slips = [
        [6, -5],
        [-6, 5],
        [5, 6],
      ] as const;
      const off = async (p: [number, number], i: number) => {
        const q = await layers.screenPoint(p);
        return { x: q.x + slips[i]![0], y: q.y + slips[i]![1] };
      };
      const drawTriangle = async (withSlip: boolean) => {
        const pts = await Promise.all(corners.map((c, i) => off(c, i)));
        // Each click waits until terra-draw holds the vertex, so no two clicks run together.
        let placed = 0;
        for (const [i, p] of pts.entries()) {
          await siting.placeVertex(p, ++placed);
          if (withSlip && i === 1) {
            // A wrong vertex, taken back with Ctrl+Z while the polygon is being drawn.
            await siting.placeVertex({ x: p.x + 60, y: p.y + 80 }, ++placed);
            await siting.undoVertex(--placed);
          }
        }
        await siting.closeRing(pts[0]!);
        return pts;
      };

      await drawTriangle(true);
      const snapped = await siting.waitForLiveArea();
      within(snapped, triangleMu(corners), 0.001, 'snapped triangle = triangle of the parcel corners');
      await screenshot('snapped');

      await siting.clear();
      await page.getByTestId('siting-snap').click();
      await page.mouse.move(600, 700);
      await siting.chooseMode('polygon');
      const pts = await drawTriangle(false);
      const loose = await siting.waitForLiveArea();
      const clicked = await Promise.all(pts.map((p) => layers.lonLatAt(p)));
      within(loose, triangleMu(clicked), 0.002, 'without snapping the clicked points are kept');
      assert.ok(Math.abs(loose / snapped - 1) > 0.005, `the clicks were off the corners: ${loose} vs ${snapped}`);

      // A vertex that would make the ring cross itself is refused, with a Chinese hint.
      await siting.chooseMode('polygon');
      const a = await layers.screenPoint(corners[0]!);
      const x0 = Math.max(420, a.x - 300);
      const y0 = 300;
      const firstThree = [
        [x0, y0],
        [x0 + 200, y0 + 200],
        [x0 + 200, y0],
      ] as const;
      for (const [i, [x, y]] of firstThree.entries()) await siting.placeVertex({ x, y }, i + 1);
      // The fourth vertex would make the ring cross itself: terra-draw refuses it, the panel says why.
      await page.mouse.move(x0, y0 + 200, { steps: 4 });
      await page.mouse.click(x0, y0 + 200);
      assert.match(await siting.notice(), /自相交/);
      await screenshot('self-intersection');
    },
  },
  {
    id: 'siting-rules-admin',
    name: '选址规则: admin sees a validation error, then makes 永久基本农田 需调整; the planner’s next analysis of the same site is no longer 禁止选址 (restored after)',
    async run({ driver, page, baseUrl, screenshot }) {
      const analyseFarmland = async () => {
        const site = new FarmlandSite(driver, largestFarmlandPatch());
        await site.open();
        await site.draw();
        await site.siting.analyze();
        return { result: await site.siting.verdictResult(), farmland: await site.siting.finding('farmland') };
      };
      const original = await (async () => {
        const cookie = await apiLogin(baseUrl, 'admin');
        const res = await fetch(new URL('/api/siting/rules', baseUrl), { headers: { cookie } });
        return ((await res.json()) as Array<{ id: string; severity: string; message: string }>).find((r) => r.id === 'farmland')!;
      })();
      assert.equal(original.severity, 'forbidden');
      try {
        await driver.open('/blueprint');
        await driver.login('planner', DEMO_PASSWORD);
        assert.equal(await page.getByTestId('main-nav').getByText('选址规则').count(), 0, 'planners have no rules page in the navigation');
        const before = await analyseFarmland();
        assert.equal(before.result, 'forbidden');
        // The forbidden overlap is outlined in red; a click on its finding highlights and zooms to it.
        const layers = new MapLayersDriver(driver);
        assert.ok((await layers.waitForRendered('site-conflicts-line')) > 0, 'farmland conflicts outlined');
        const camera = () => page.evaluate(() => JSON.stringify([window.__obMap!.getCenter().toArray(), window.__obMap!.getZoom()]));
        const cameraBefore = await camera();
        await page.getByTestId('siting-finding-farmland').click();
        assert.ok((await layers.waitForRendered('identify-highlight-line')) > 0, 'the finding’s features highlighted');
        await layers.idle();
        assert.notEqual(await camera(), cameraBefore, 'the map went to the finding’s features');
        await screenshot('conflicts');
        await driver.logout();

        await driver.login('admin', DEMO_PASSWORD);
        const rules = new SitingRulesDriver(driver);
        await rules.open();
        assert.equal(await rules.severityOf('farmland'), 'forbidden');
        await rules.edit('farmland');
        await rules.setMessage('太短');
        await rules.setSeverity('需调整');
        await rules.save();
        assert.match(await rules.error(), /提示信息至少 4 个字/);
        await screenshot('validation-error');
        await rules.setMessage(original.message);
        await rules.save();
        await page.getByTestId('rule-row-farmland').getByTestId('rule-severity-tag').and(page.locator('[data-severity="adjust"]')).waitFor({ timeout: 15_000 });
        await screenshot('rules');
        await driver.logout();

        await driver.login('planner', DEMO_PASSWORD);
        const after = await analyseFarmland();
        assert.notEqual(after.result, 'forbidden', 'the rule change decides the next analysis');
        assert.match(after.farmland.text, /需调整/);
        assert.ok(muOf(after.farmland.mu) > 0);
        await screenshot('after');
      } finally {
        const cookie = await apiLogin(baseUrl, 'admin');
        const res = await fetch(new URL('/api/siting/rules/farmland', baseUrl), {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', cookie },
          body: JSON.stringify({ severity: original.severity, message: original.message }),
        });
        assert.equal(res.status, 200, 'rule restored');
      }
    },
  },
];
