import type { Download, Page } from 'playwright-core';

type HookWindow = Window & {
  __obMap?: {
    queryRenderedFeatures(options: { layers: string[] }): Array<{ properties: Record<string, unknown> }>;
    getLayer(id: string): unknown;
    loaded(): boolean;
    isMoving(): boolean;
    once(event: string, listener: () => void): void;
    triggerRepaint(): void;
    getCenter(): { lat: number };
    getZoom(): number;
  };
};

/** The import, export and print drawers of 一张蓝图, as a user drives them. */
export class DataToolsDriver {
  constructor(readonly page: Page) {}

  async openImport(): Promise<void> {
    await this.page.getByTestId('import-open').click();
    await this.page.getByTestId('import-drawer').waitFor({ state: 'visible' });
  }

  async chooseImportFile(path: string): Promise<void> {
    await this.page.getByTestId('import-file').locator('input[type=file]').setInputFiles(path);
  }

  async parse(): Promise<void> {
    await this.page.getByTestId('import-parse').click();
  }

  /** Picks an option of an antd Select by its visible label; `search` types it first (long, virtual lists). */
  async select(testId: string, label: string, search = false): Promise<void> {
    await this.page.getByTestId(testId).click();
    if (search) await this.page.keyboard.type(label);
    const option = this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).first();
    await option.waitFor({ state: 'visible' });
    await option.click();
  }

  async selectedLabel(testId: string): Promise<string> {
    return (await this.page.getByTestId(testId).innerText()).trim();
  }

  async waitForMapIdle(): Promise<void> {
    await this.page.waitForFunction(() => {
      const map = (window as HookWindow).__obMap;
      return !!map && map.loaded() && !map.isMoving();
    }, null, { timeout: 30_000, polling: 200 });
    await this.page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const map = (window as HookWindow).__obMap!;
          map.once('idle', () => resolve());
          map.triggerRepaint();
        }),
    );
  }

  /** Properties of the features drawn in a layer, one entry per distinct `code` (tiles repeat them). */
  async renderedCodes(layerId: string): Promise<string[]> {
    const codes = await this.page.evaluate((id) => {
      const map = (window as HookWindow).__obMap!;
      if (!map.getLayer(id)) return [];
      return map.queryRenderedFeatures({ layers: [id] }).map((f) => String(f.properties.code));
    }, layerId);
    return [...new Set(codes)].sort();
  }

  async closeDrawer(testId: string): Promise<void> {
    const drawer = this.page.locator('.ant-drawer-content-wrapper', { has: this.page.getByTestId(testId) });
    await drawer.locator('.ant-drawer-close').click();
    await this.page.getByTestId(testId).waitFor({ state: 'hidden' });
  }

  /** Clicks a button that makes the page download a file; returns the download. */
  async download(testId: string): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout: 60_000 }), this.page.getByTestId(testId).click()]);
    return download;
  }

  /** What MapLibre's own scale control shows: metres per CSS pixel along the centre line. */
  scaleControlMetresPerPixel(): Promise<{ metresPerPixel: number; label: string; lat: number; zoom: number }> {
    return this.page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('.maplibregl-ctrl-scale')!;
      const label = el.textContent ?? '';
      const match = /([\d.]+)\s*(公里|米)/.exec(label.replace(/\u00a0/g, ' '));
      const metres = match ? Number(match[1]) * (match[2] === '公里' ? 1000 : 1) : NaN;
      const map = (window as HookWindow).__obMap!;
      return { metresPerPixel: metres / parseFloat(el.style.width), label, lat: map.getCenter().lat, zoom: map.getZoom() };
    });
  }
}
