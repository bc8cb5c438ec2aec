import type { Page } from 'playwright-core';
import { poll } from './wait.ts';

// terra-draw's store as its MapLibre adapter hands it to the map: GeoJSON sources named
// `<prefix>-polygon`, `<prefix>-linestring` and `<prefix>-point` (prefix 'site' for 选址分析,
// 'measure' for 测量), read through the map of client/src/map/test-hook.ts. The tests wait on
// these instead of sleeping between clicks: a click counts once the store shows it.

export type DrawPrefix = 'site' | 'measure';

export interface DrawnShape {
  /** terra-draw's mode of the shape: 'polygon', 'rectangle', 'circle', 'linestring'. */
  mode: string;
  /** Still being drawn (terra-draw's currentlyDrawing). */
  drawing: boolean;
  /** Vertices placed by clicks so far while drawing (terra-draw's committedCoordinateCount). */
  committed: number | null;
  /** Being dragged in the select mode (terra-draw's edited). */
  edited: boolean;
  /** The geometry's coordinates as JSON, to tell one state of the shape from another. */
  coordinates: string;
}

export interface DrawStore {
  shapes: DrawnShape[];
  /** Handles of a selected shape (select mode): the shape can be edited. */
  selectionPoints: number;
}

export function readDrawStore(page: Page, prefix: DrawPrefix): Promise<DrawStore> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  return page.evaluate(async (prefix) => {
    type Source = { getData(): Promise<GeoJSON.GeoJSON> };
    const map = window.__obMap;
    const byKind: Record<string, GeoJSON.Feature[]> = {};
    for (const kind of ['polygon', 'linestring', 'point']) {
      const source = map?.getSource(`${prefix}-${kind}`) as Source | undefined;
      const data = source ? await source.getData() : undefined;
      byKind[kind] = data?.type === 'FeatureCollection' ? data.features : [];
    }
    const shapes = [...byKind.polygon!, ...byKind.linestring!]
      .filter((f) => {
        const p = f.properties ?? {};
        return !(p.closingPoint || p.snappingPoint || p.coordinatePoint || p.selectionPoint || p.midPoint);
      })
      .map((f) => {
        const p = f.properties ?? {};
        return {
          mode: String(p.mode),
          drawing: !!p.currentlyDrawing,
          committed: typeof p.committedCoordinateCount === 'number' ? p.committedCoordinateCount : null,
          edited: !!p.edited,
          coordinates: JSON.stringify((f.geometry as GeoJSON.Polygon | GeoJSON.LineString).coordinates),
        };
      });
    return { shapes, selectionPoints: byKind.point!.filter((f) => f.properties?.selectionPoint).length };
  }, prefix);
}

export function waitForDrawStore(page: Page, prefix: DrawPrefix, done: (store: DrawStore) => boolean, what: string, timeout = 15_000): Promise<DrawStore> {
  return poll(() => readDrawStore(page, prefix), done, { what: `${what} (${prefix} draw store)`, timeout });
}

/** The shape being drawn, if any. */
export const drawingShape = (store: DrawStore): DrawnShape | undefined => store.shapes.find((s) => s.drawing);

/** Waits until a shape of `mode` is being drawn (the first click of a rectangle, circle or line). */
export function waitForDrawing(page: Page, prefix: DrawPrefix, mode: string): Promise<DrawStore> {
  return waitForDrawStore(page, prefix, (store) => drawingShape(store)?.mode === mode, `a ${mode} being drawn`);
}

/** Waits until the polygon being drawn has `count` vertices placed (a click, or an undo while drawing). */
export function waitForCommitted(page: Page, prefix: DrawPrefix, count: number): Promise<DrawStore> {
  return waitForDrawStore(page, prefix, (store) => drawingShape(store)?.committed === count, `${count} vertices placed`);
}

/** Waits until nothing is being drawn and a finished shape of `mode` is in the store. */
export function waitForFinished(page: Page, prefix: DrawPrefix, mode: string): Promise<DrawStore> {
  return waitForDrawStore(page, prefix, (store) => !drawingShape(store) && store.shapes.some((s) => s.mode === mode && !s.edited), `a finished ${mode}`);
}
