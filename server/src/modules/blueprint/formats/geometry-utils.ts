import type { Feature, Geometry, Position } from 'geojson';

/**
 * Planar helpers on raw coordinates. Areas here are only plausibility checks of a file against its own
 * declared figures; official areas come from PostGIS.
 */

/** Shoelace signed area (positive = counter-clockwise with y north), relative to the first vertex so
 *  that 8-digit prefixed eastings lose no precision. Works with closed or open rings. */
export function ringSignedArea(ring: Position[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  const [x0, y0] = ring[0] as [number, number];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    sum += (a[0]! - x0) * (b[1]! - y0) - (b[0]! - x0) * (a[1]! - y0);
  }
  return sum / 2;
}

/** Outer ring minus holes, in squared coordinate units. */
export const polygonArea = (rings: Position[][]) =>
  rings.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * Math.abs(ringSignedArea(ring)), 0);

export const samePosition = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

export const isClosed = (ring: Position[]) => ring.length > 1 && samePosition(ring[0]!, ring[ring.length - 1]!);

export function distinctCount(ring: Position[]): number {
  return new Set(ring.map((p) => `${p[0]},${p[1]}`)).size;
}

/** Even-odd ray cast. */
export function pointInRing(p: Position, ring: Position[]): boolean {
  let inside = false;
  const [x, y] = p as [number, number];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A ring lies inside another when a vertex of it that is not on the other's boundary is inside. */
export function ringInsideRing(inner: Position[], outer: Position[]): boolean {
  const probe = inner.find((p) => !outer.some((q) => samePosition(p, q))) ?? inner[0];
  return probe ? pointInRing(probe, outer) : false;
}

export function countVertices(g: Geometry | null): number {
  if (!g) return 0;
  switch (g.type) {
    case 'Point':
      return 1;
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates.length;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.reduce((s, r) => s + r.length, 0);
    case 'MultiPolygon':
      return g.coordinates.reduce((s, p) => s + p.reduce((t, r) => t + r.length, 0), 0);
    case 'GeometryCollection':
      return g.geometries.reduce((s, c) => s + countVertices(c), 0);
  }
}

/** Calls `fn` on every position. */
export function eachPosition(g: Geometry | null, fn: (p: Position) => void): void {
  if (!g) return;
  switch (g.type) {
    case 'Point':
      return fn(g.coordinates);
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates.forEach(fn);
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.forEach((r) => r.forEach(fn));
    case 'MultiPolygon':
      return g.coordinates.forEach((p) => p.forEach((r) => r.forEach(fn)));
    case 'GeometryCollection':
      return g.geometries.forEach((c) => eachPosition(c, fn));
  }
}

export interface Extent {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function extentOf(features: Feature[]): Extent | null {
  let e: Extent | null = null;
  for (const f of features) {
    eachPosition(f.geometry, ([x, y]) => {
      if (x === undefined || y === undefined) return;
      if (!e) e = { minX: x, minY: y, maxX: x, maxY: y };
      else {
        e.minX = Math.min(e.minX, x);
        e.minY = Math.min(e.minY, y);
        e.maxX = Math.max(e.maxX, x);
        e.maxY = Math.max(e.maxY, y);
      }
    });
  }
  return e;
}
