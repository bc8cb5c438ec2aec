import type { Page } from 'playwright-core';

export interface MapViewSnapshot {
  center: [number, number];
  zoom: number;
}

export interface PixelProbe {
  lonLat: [number, number];
  rgb: [number, number, number];
}

// The map's test hook (client/src/map/test-hook.ts) seen from the test side; only what we call.
interface MapHook {
  loaded(): boolean;
  getLayer(id: string): unknown;
  getSource(id: string): unknown;
  isSourceLoaded(id: string): boolean;
  once(event: string, listener: () => void): void;
  queryRenderedFeatures(options: { layers: string[] }): Array<{ properties: Record<string, unknown> }>;
  getCenter(): { lng: number; lat: number };
  getZoom(): number;
  isMoving(): boolean;
  project(lonLat: [number, number]): { x: number; y: number };
  getContainer(): HTMLElement;
}
type HookWindow = Window & { __obMap?: MapHook };

/** Small vocabulary the browser tests are written in; selectors live here only. */
export class Driver {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(path = '/'): Promise<void> {
    await this.page.goto(new URL(path, this.baseUrl).href);
  }

  async waitForLoginPage(): Promise<void> {
    await this.page.getByTestId('login-username').waitFor({ state: 'visible', timeout: 30_000 });
  }

  async submitLogin(username: string, password: string): Promise<void> {
    await this.waitForLoginPage();
    await this.page.getByTestId('login-username').fill(username);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-submit').click();
  }

  async login(username: string, password: string): Promise<void> {
    await this.submitLogin(username, password);
    await this.page.getByTestId('user-menu').waitFor({ state: 'visible', timeout: 30_000 });
  }

  async loginError(): Promise<string> {
    const alert = this.page.getByTestId('login-error');
    await alert.waitFor({ state: 'visible', timeout: 15_000 });
    return (await alert.innerText()).trim();
  }

  async logout(): Promise<void> {
    await this.page.getByTestId('logout').click();
    await this.waitForLoginPage();
  }

  pathname(): string {
    return new URL(this.page.url()).pathname;
  }

  hash(): string {
    return new URL(this.page.url()).hash;
  }

  /** Waits until the map has its style, the region data and all tiles, and has finished drawing. */
  async waitForMap(): Promise<void> {
    await this.page.getByTestId('map').waitFor({ state: 'visible', timeout: 30_000 });
    await this.page.waitForFunction(
      () => {
        const map = (window as HookWindow).__obMap;
        return !!map && !!map.getLayer('region-county-fill') && !!map.getSource('regions') && map.isSourceLoaded('regions') && map.loaded();
      },
      null,
      { timeout: 60_000, polling: 200 },
    );
    // One more idle after loaded(): labels are placed (and faded in) during rendering.
    await this.page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const map = (window as HookWindow).__obMap!;
          map.once('idle', () => resolve());
          (map as unknown as { triggerRepaint(): void }).triggerRepaint();
        }),
    );
  }

  /** Properties of the features MapLibre actually rendered in a layer, in the current viewport. */
  renderedFeatures(layerId: string): Promise<Array<Record<string, unknown>>> {
    return this.page.evaluate((id) => (window as HookWindow).__obMap!.queryRenderedFeatures({ layers: [id] }).map((f) => f.properties), layerId);
  }

  async renderedNames(layerId: string): Promise<string[]> {
    const features = await this.renderedFeatures(layerId);
    return [...new Set(features.map((p) => String(p.name)))].sort();
  }

  mapView(): Promise<MapViewSnapshot> {
    return this.page.evaluate(() => {
      const map = (window as HookWindow).__obMap!;
      const { lng, lat } = map.getCenter();
      return { center: [lng, lat] as [number, number], zoom: map.getZoom() };
    });
  }

  /** Zooms with the mouse wheel and drags the map, as a user would. */
  async zoomAndPan(): Promise<void> {
    const box = await this.page.getByTestId('map').boundingBox();
    if (!box) throw new Error('map container has no box');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    // Each notch waits until the map zooms; the wheel zoom eases on after the last one, so the drag
    // starts once the map stands still.
    for (let i = 0; i < 3; i++) {
      const { zoom } = await this.mapView();
      await this.page.mouse.wheel(0, -240);
      await this.page.waitForFunction((z) => (window as HookWindow).__obMap!.getZoom() > z, zoom, { timeout: 15_000, polling: 'raf' });
    }
    await this.page.waitForFunction(() => !(window as HookWindow).__obMap!.isMoving(), null, { timeout: 15_000, polling: 'raf' });
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x - 150, y + 90, { steps: 12 });
    await this.page.mouse.up();
    await this.waitForMap();
  }

  /**
   * Colours on screen at geographic points, read from a real screenshot (what the user sees),
   * decoded by the browser itself so no image library is needed.
   */
  async pixelsAt(points: Array<[number, number]>): Promise<PixelProbe[]> {
    const pixels = await this.page.evaluate(
      (lonLats) => {
        const map = (window as HookWindow).__obMap!;
        const rect = map.getContainer().getBoundingClientRect();
        return lonLats.map((p) => {
          const { x, y } = map.project(p);
          return { x: Math.round(rect.left + x), y: Math.round(rect.top + y) };
        });
      },
      points,
    );
    const png = (await this.page.screenshot({ type: 'png' })).toString('base64');
    const colours = await this.page.evaluate(
      async ({ data, at }) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return at.map(({ x, y }) => Array.from(ctx.getImageData(x, y, 1, 1).data.slice(0, 3)) as [number, number, number]);
      },
      { data: png, at: pixels },
    );
    return points.map((lonLat, i) => ({ lonLat, rgb: colours[i]! }));
  }
}
