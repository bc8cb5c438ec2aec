import type { Driver } from './driver.ts';

// Vocabulary for the layer tree, identify, measure and compare tests; selectors live here only.
// `window.__obMap` / `__obCompareMaps` are the maps exposed by client/src/map/test-hook.ts.

export interface RenderedFeature {
  id: number | string | undefined;
  properties: Record<string, unknown>;
  geometry: GeoJSON.Geometry;
}

interface MapLike {
  getLayer(id: string): unknown;
  loaded(): boolean;
  once(event: string, listener: () => void): void;
  triggerRepaint(): void;
  queryRenderedFeatures(geometryOrOptions?: unknown, options?: unknown): Array<{ id?: number | string; properties: Record<string, unknown>; geometry: GeoJSON.Geometry }>;
  project(lonLat: [number, number]): { x: number; y: number };
  unproject(point: [number, number]): { lng: number; lat: number };
  jumpTo(options: { center: [number, number]; zoom: number }): void;
  setLayoutProperty(layer: string, name: string, value: unknown): void;
  getContainer(): HTMLElement;
}
type HookWindow = Window & { __obMap?: MapLike; __obCompareMaps?: MapLike[] };
/** Map events a test listens for (nextEvent), by key: fired yet? */
type EventWindow = HookWindow & { __e2eFired?: Record<string, boolean> };

/** Which map: the main one, or a side of an open comparison. */
export type MapRef = 'main' | 'left' | 'right';

export class MapLayersDriver {
  private listening = 0;

  constructor(readonly driver: Driver) {}

  get page() {
    return this.driver.page;
  }

  async setLayer(key: string, on: boolean): Promise<void> {
    const box = this.checkbox(key);
    if ((await box.isChecked()) !== on) await box.click();
  }

  isLayerOn(key: string): Promise<boolean> {
    return this.checkbox(key).isChecked();
  }

  private checkbox(key: string) {
    return this.page.getByTestId(`layer-row-${key}`).locator('input[type="checkbox"]');
  }

  /** Waits until the map has drawn `layerId` with at least one feature and gone idle. */
  async waitForRendered(layerId: string, which: MapRef = 'main', timeout = 60_000): Promise<number> {
    const handle = await this.page.waitForFunction(
      ({ id, which }) => {
        const w = window as HookWindow;
        const map = which === 'main' ? w.__obMap : w.__obCompareMaps?.[which === 'left' ? 0 : 1];
        if (!map || !map.getLayer(id) || !map.loaded()) return 0;
        return map.queryRenderedFeatures(undefined, { layers: [id] }).length;
      },
      { id: layerId, which },
      { timeout, polling: 250 },
    );
    await this.idle(which);
    return (await handle.jsonValue()) as number;
  }

  async idle(which: MapRef = 'main'): Promise<void> {
    await this.page.evaluate(
      (which) =>
        new Promise<void>((resolve) => {
          const w = window as HookWindow;
          const map = which === 'main' ? w.__obMap! : w.__obCompareMaps![which === 'left' ? 0 : 1]!;
          map.once('idle', () => resolve());
          map.triggerRepaint();
        }),
      which,
    );
  }

  /**
   * Starts listening for the next `event` of a map (before the action that causes it); the function
   * returned resolves once it has fired.
   */
  async nextEvent(event: string, which: MapRef = 'main'): Promise<() => Promise<void>> {
    const key = `${which}-${event}-${++this.listening}`;
    await this.page.evaluate(
      ({ event, which, key }) => {
        const w = window as EventWindow;
        const map = which === 'main' ? w.__obMap! : w.__obCompareMaps![which === 'left' ? 0 : 1]!;
        const fired = (w.__e2eFired ??= {});
        fired[key] = false;
        map.once(event, () => (fired[key] = true));
      },
      { event, which, key },
    );
    return async () => {
      await this.page.waitForFunction((key) => (window as EventWindow).__e2eFired?.[key] === true, key, { timeout: 30_000 });
    };
  }

  renderedFeatures(layerId: string): Promise<RenderedFeature[]> {
    return this.page.evaluate(
      (id) =>
        (window as HookWindow).__obMap!.queryRenderedFeatures(undefined, { layers: [id] }).map((f) => ({ id: f.id, properties: f.properties, geometry: f.geometry })),
      layerId,
    );
  }

  /** Rendered features of `layerId` under a geographic point. */
  featuresAt(lonLat: [number, number], layerId: string): Promise<RenderedFeature[]> {
    return this.page.evaluate(
      ({ p, id }) => {
        const map = (window as HookWindow).__obMap!;
        const { x, y } = map.project(p);
        return map.queryRenderedFeatures([x, y], { layers: [id] }).map((f) => ({ id: f.id, properties: f.properties, geometry: f.geometry }));
      },
      { p: lonLat, id: layerId },
    );
  }

  /** Hides or shows one style layer directly (to read what lies beneath it), then waits for the redraw. */
  async setStyleVisibility(layerId: string, visible: boolean): Promise<void> {
    await this.page.evaluate(({ id, visible }) => (window as HookWindow).__obMap!.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none'), { id: layerId, visible });
    await this.idle();
  }

  async jumpTo(center: [number, number], zoom: number): Promise<void> {
    await this.page.evaluate(({ center, zoom }) => (window as HookWindow).__obMap!.jumpTo({ center, zoom }), { center, zoom });
  }

  /** Page coordinates of a geographic point on the main map. */
  screenPoint(lonLat: [number, number]): Promise<{ x: number; y: number }> {
    return this.page.evaluate((p) => {
      const map = (window as HookWindow).__obMap!;
      const rect = map.getContainer().getBoundingClientRect();
      const { x, y } = map.project(p);
      return { x: rect.left + x, y: rect.top + y };
    }, lonLat);
  }

  /** Geographic point under page coordinates of the main map. */
  lonLatAt(point: { x: number; y: number }): Promise<[number, number]> {
    return this.page.evaluate((pt) => {
      const map = (window as HookWindow).__obMap!;
      const rect = map.getContainer().getBoundingClientRect();
      const { lng, lat } = map.unproject([pt.x - rect.left, pt.y - rect.top]);
      return [lng, lat] as [number, number];
    }, point);
  }

  async clickMapAt(lonLat: [number, number]): Promise<void> {
    const { x, y } = await this.screenPoint(lonLat);
    await this.page.mouse.click(x, y);
  }

  async identifyPanelText(): Promise<string> {
    const panel = this.page.getByTestId('identify-panel');
    await panel.waitFor({ state: 'visible', timeout: 15_000 });
    return panel.innerText();
  }

  /** Label → value rows of the identify panel's attribute table. */
  identifyAttributes(): Promise<Record<string, string>> {
    return this.page.getByTestId('identify-attributes').evaluate((table) => {
      const rows: Record<string, string> = {};
      for (const label of Array.from(table.querySelectorAll('.ant-descriptions-item-label'))) {
        const value = label.nextElementSibling;
        rows[(label.textContent ?? '').trim()] = (value?.textContent ?? '').trim();
      }
      return rows;
    });
  }

  compareMapCount(): Promise<number> {
    return this.page.evaluate(() => (window as HookWindow).__obCompareMaps?.length ?? 0);
  }
}
