import assert from 'node:assert/strict';
import { DEMO_PASSWORD, E2E_TIANDITU_KEY } from './e2e-config.ts';
import type { E2ETest } from './harness.ts';

const TIANDITU = /^https:\/\/t[0-7]\.tianditu\.gov\.cn\//;

export const basemapTests: E2ETest[] = [
  {
    id: 'basemap-switch',
    name: 'the basemap switcher offers 天地图 when configured, fetches its WMTS tiles, and keeps the choice in the URL',
    async run({ driver, page, baseUrl, screenshot, blockedRequests, expectExternal }) {
      await driver.open('/');
      await driver.login('planner', DEMO_PASSWORD);
      await driver.waitForMap();

      const config = (await (await page.request.get(`${baseUrl}/api/config/map`)).json()) as { basemaps: Array<{ id: string; name: string; kind: string }> };
      const image = config.basemaps.find((b) => b.kind === 'tianditu-img');
      if (!image) {
        // A server without a 天地图 key (E2E_BASE_URL runs) offers the offline basemap only.
        assert.deepEqual(config.basemaps.map((b) => b.kind), ['offline']);
        return;
      }
      const switcher = page.getByTestId('basemap-switcher');
      for (const basemap of config.basemaps) await switcher.getByText(basemap.name, { exact: true }).waitFor();
      assert.equal(blockedRequests().length, 0, 'the offline basemap fetched nothing from other hosts');

      expectExternal(TIANDITU);
      // The switch asks for image tiles and their annotation layer; each is aborted (no network here),
      // and only then listed among the blocked requests.
      const asked = (layer: string) =>
        page.waitForEvent('requestfailed', { predicate: (r) => TIANDITU.test(r.url()) && r.url().includes(`/${layer}_w/`), timeout: 30_000 });
      const tilesAsked = Promise.all([asked('img'), asked('cia')]);
      await page.getByTestId(`basemap-${image.id}`).click();
      await page.waitForFunction(() => /[?&#]base=/.test(window.location.hash), null, { timeout: 10_000 });
      assert.match(driver.hash(), new RegExp(`base=${image.id}`));
      await tilesAsked;
      const tiles = blockedRequests();
      assert.ok(tiles.length > 0, 'switching asked for 天地图 tiles');
      for (const url of tiles) {
        assert.match(url, TIANDITU, `only 天地图 hosts: ${url}`);
        assert.match(url, /\/(img|cia)_w\/wmts\?.*TILEMATRIXSET=w/, `web-mercator image or its labels: ${url}`);
        assert.ok(url.includes(`tk=${E2E_TIANDITU_KEY}`), `the configured key is used: ${url}`);
      }
      assert.ok(tiles.some((u) => u.includes('/cia_w/')), 'the annotation layer is requested too');
      // Offline, the failure is explained once instead of logged per tile.
      await page.getByText('加载失败', { exact: false }).first().waitFor({ timeout: 10_000 });
      await screenshot('tianditu-unreachable');

      await page.reload();
      await driver.waitForMap().catch(() => undefined);
      await page.getByTestId('map').waitFor();
      const selected = await page.locator('.basemap-switcher .ant-segmented-item-selected').innerText();
      assert.equal(selected.trim(), image.name, 'a reload keeps the chosen basemap');

      const offline = config.basemaps.find((b) => b.kind === 'offline')!;
      await page.getByTestId(`basemap-${offline.id}`).click();
      await page.waitForFunction((id) => window.location.hash.includes(`base=${id}`), offline.id);
      await driver.waitForMap();
      await screenshot('offline-again');
    },
  },
];
