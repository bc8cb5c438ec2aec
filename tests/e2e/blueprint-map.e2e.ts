import assert from 'node:assert/strict';
import { booleanPointInPolygon, bbox, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { DEMO_PASSWORD, LIAOCHENG_COUNTIES, LIAOCHENG_ZONES } from './e2e-config.ts';
import type { Driver } from './driver.ts';
import type { E2ETest } from './harness.ts';

type Regions = FeatureCollection<MultiPolygon, { code: string; name: string; level: string }>;

const BACKGROUND: [number, number, number] = [0xee, 0xf1, 0xf4];
const sameColour = (a: number[], b: number[], tolerance: number) => a.every((v, i) => Math.abs(v - (b[i] ?? 0)) <= tolerance);

/** A regular grid of points inside a polygon, independent of where the app puts its labels. */
function pointsInside(feature: Feature<MultiPolygon>, wanted: number): Array<[number, number]> {
  const [w, s, e, n] = bbox(feature);
  const found: Array<[number, number]> = [];
  for (let steps = 4; steps <= 24 && found.length < wanted; steps += 4) {
    found.length = 0;
    for (let i = 1; i < steps; i++) {
      for (let j = 1; j < steps; j++) {
        const p: [number, number] = [w + ((e - w) * i) / steps, s + ((n - s) * j) / steps];
        if (booleanPointInPolygon(point(p), feature)) found.push(p);
      }
    }
  }
  return found.filter((_, i) => i % Math.max(1, Math.floor(found.length / wanted)) === 0).slice(0, wanted);
}

async function regions(driver: Driver): Promise<Regions> {
  const response = await driver.page.request.get(`${driver.baseUrl}/api/regions`);
  assert.equal(response.status(), 200);
  return (await response.json()) as Regions;
}

export const blueprintMapTests: E2ETest[] = [
  {
    id: 'map-loads',
    name: 'planner signs in and sees Liaocheng: 8 counties, 3 zones, labels, all drawn offline',
    async run({ driver, page, screenshot }) {
      await driver.open('/');
      await driver.login('planner', DEMO_PASSWORD);
      assert.equal(driver.pathname(), '/blueprint');
      const header = await page.getByTestId('user-menu').innerText();
      assert.match(header, /退出登录/);
      assert.ok((await page.getByTestId('user-display-name').innerText()).trim().length > 0, 'display name shown');
      assert.ok((await page.getByTestId('user-scope').innerText()).trim().length > 0, 'scope shown');
      assert.equal(await page.getByTestId('main-nav').getByText('一张蓝图').count(), 1);

      await driver.waitForMap();
      await screenshot('map');

      assert.deepEqual(await driver.renderedNames('region-county-fill'), [...LIAOCHENG_COUNTIES].sort());
      assert.deepEqual(await driver.renderedNames('region-county-line'), [...LIAOCHENG_COUNTIES].sort());
      assert.deepEqual(await driver.renderedNames('region-city-line'), ['聊城市']);
      assert.deepEqual(await driver.renderedNames('region-zone-line'), [...LIAOCHENG_ZONES].sort());
      assert.deepEqual(await driver.renderedNames('region-county-label'), [...LIAOCHENG_COUNTIES].sort(), 'every county name is placed on the map');

      // Pixels, not just features: inside every county the screen shows a fill, outside the city the plain background.
      const data = await regions(driver);
      for (const county of data.features.filter((f) => f.properties.level === 'county')) {
        const probes = await driver.pixelsAt(pointsInside(county, 6));
        const filled = probes.filter((p) => !sameColour(p.rgb, BACKGROUND, 12));
        assert.ok(filled.length >= Math.ceil(probes.length * 0.8), `${county.properties.name} is filled on screen: ${JSON.stringify(probes)}`);
      }
      const city = data.features.find((f) => f.properties.level === 'city');
      assert.ok(city, 'regions include the city');
      const [w, s, e, n] = bbox(city);
      const outside: Array<[number, number]> = [
        [w - 0.15, (s + n) / 2],
        [e + 0.15, (s + n) / 2],
        [(w + e) / 2, n + 0.08],
        [(w + e) / 2, s - 0.08],
      ];
      for (const probe of await driver.pixelsAt(outside)) {
        assert.ok(sameColour(probe.rgb, BACKGROUND, 6), `outside the city is plain background: ${JSON.stringify(probe)}`);
      }

      // Pointer position shows in the status bar.
      const box = await page.getByTestId('map').boundingBox();
      await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
      const coordinates = await page.getByTestId('pointer-coordinates').innerText();
      assert.match(coordinates, /经度 11[56]\.\d{6}°\s+纬度 3[67]\.\d{6}°/);
      await screenshot('pointer');
    },
  },
  {
    id: 'view-in-url',
    name: 'the map view follows pan and zoom in the URL and a reload reopens it',
    async run({ driver, page, screenshot }) {
      await driver.open('/');
      await driver.login('planner', DEMO_PASSWORD);
      await driver.waitForMap();
      const before = driver.hash();
      const viewBefore = await driver.mapView();

      await driver.zoomAndPan();
      await page.waitForFunction((old) => window.location.hash !== old, before, { timeout: 10_000 });
      const after = await driver.mapView();
      assert.ok(after.zoom > viewBefore.zoom + 0.3, `zoomed in: ${viewBefore.zoom} -> ${after.zoom}`);
      const hash = driver.hash();
      const match = /map=([\d.]+)\/([\d.-]+)\/([\d.-]+)/.exec(hash);
      assert.ok(match, `hash carries the view: ${hash}`);
      const [zoom, lat, lon] = match.slice(1).map(Number) as [number, number, number];
      assert.ok(Math.abs(zoom - after.zoom) < 0.01 && Math.abs(lat - after.center[1]) < 1e-3 && Math.abs(lon - after.center[0]) < 1e-3, `hash ${hash} matches the map ${JSON.stringify(after)}`);
      await screenshot('moved');

      await page.reload();
      await driver.waitForMap();
      const restored = await driver.mapView();
      assert.ok(Math.abs(restored.zoom - zoom) < 0.01, `zoom restored: ${restored.zoom} vs ${zoom}`);
      assert.ok(Math.abs(restored.center[0] - lon) < 1e-3 && Math.abs(restored.center[1] - lat) < 1e-3, `centre restored: ${JSON.stringify(restored.center)} vs ${lon},${lat}`);
      assert.equal(driver.hash(), hash, 'the reloaded page keeps the same link');
      await screenshot('reloaded');
    },
  },
  {
    id: 'deep-link',
    name: 'a shared map link survives the login page and opens the same view',
    async run({ driver, screenshot }) {
      await driver.open('/blueprint#map=10.5/36.44/115.99&base=offline');
      await driver.waitForLoginPage();
      assert.equal(driver.pathname(), '/login');
      await driver.login('planner', DEMO_PASSWORD);
      await driver.waitForMap();
      assert.equal(driver.pathname(), '/blueprint');
      const view = await driver.mapView();
      assert.ok(Math.abs(view.zoom - 10.5) < 0.01, `zoom from the link: ${view.zoom}`);
      assert.ok(Math.abs(view.center[0] - 115.99) < 1e-4 && Math.abs(view.center[1] - 36.44) < 1e-4, `centre from the link: ${view.center}`);
      assert.deepEqual(await driver.renderedNames('region-zone-label'), [...LIAOCHENG_ZONES].sort(), 'zone names show when zoomed in');
      await screenshot('opened');
    },
  },
  {
    id: 'logout',
    name: 'logout returns to the login page and the session is gone',
    async run({ driver, page, screenshot }) {
      await driver.open('/');
      await driver.login('planner', DEMO_PASSWORD);
      await driver.waitForMap();
      await driver.logout();
      assert.equal(driver.pathname(), '/login');
      await screenshot('login-again');
      await driver.open('/blueprint');
      await driver.waitForLoginPage();
      assert.equal(driver.pathname(), '/login', 'the map is not reachable after logout');
      assert.equal(await page.getByTestId('user-menu').count(), 0);
    },
  },
];
