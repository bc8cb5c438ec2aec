/**
 * Geometry helpers shared by the demo-data generators.
 *
 * Two coordinate worlds:
 *  - lon/lat (EPSG:4326 / CGCS2000 treated as WGS84) for everything that is written out;
 *  - a local planar frame in metres (equirectangular around 116°E 36.4°N) for cheap shape building
 *    and exact-enough distance tests. Over Liaocheng (≈1.3°×1.3°) its scale error is < 1 %, which
 *    only affects how close generated areas come to their targets, never validity.
 * Overlay operations (intersect / difference / union / buffer) are done with @turf/turf.
 */
import * as turf from '@turf/turf';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import type { Rng } from './random.ts';

export type PolyGeom = Polygon | MultiPolygon;
export type LineGeom = LineString | MultiLineString;
export type XY = [number, number];
export type LonLat = [number, number];

// ---------------------------------------------------------------------------------------------
// local planar frame
export const LON0 = 116.0;
export const LAT0 = 36.4;
/** metres per degree of longitude / latitude at 36.4°N (WGS84 ellipsoid series) */
export const KX = 111412.84 * Math.cos((LAT0 * Math.PI) / 180) - 93.5 * Math.cos((3 * LAT0 * Math.PI) / 180);
export const KY = 111132.92 - 559.82 * Math.cos((2 * LAT0 * Math.PI) / 180) + 1.175 * Math.cos((4 * LAT0 * Math.PI) / 180);

export function toXY(p: Position): XY {
  return [((p[0] as number) - LON0) * KX, ((p[1] as number) - LAT0) * KY];
}
export function toLL(p: XY): LonLat {
  return [LON0 + p[0] / KX, LAT0 + p[1] / KY];
}

// ---------------------------------------------------------------------------------------------
// rounding and cleaning

export const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;

function samePt(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** spikes (the ring folding back on itself) narrower than this are removed, metres */
export const SPIKE_TOLERANCE_M = 0.2;

/**
 * Removes consecutive duplicates, zero-width spikes (the ring running out and straight back, as
 * overlay engines leave behind along shared edges) and exactly straight-through collinear
 * vertices (relative test, |sin| < 1e-8); a spike is a reversal narrower than SPIKE_TOLERANCE_M. Returns a
 * closed ring or null when fewer than 3 distinct vertices remain.
 */
export function cleanRing(ring: Position[]): Position[] | null {
  const pts: Position[] = [];
  for (const p of ring) {
    if (pts.length === 0 || !samePt(pts[pts.length - 1]!, p)) pts.push(p);
  }
  if (pts.length > 1 && samePt(pts[0]!, pts[pts.length - 1]!)) pts.pop();
  let changed = true;
  while (changed && pts.length >= 3) {
    changed = false;
    for (let i = 0; i < pts.length && pts.length >= 3; i++) {
      const a = pts[(i - 1 + pts.length) % pts.length]!;
      const b = pts[i]!;
      const c = pts[(i + 1) % pts.length]!;
      if (samePt(a, b) || samePt(b, c)) {
        pts.splice(i, 1);
        changed = true;
        i--;
        continue;
      }
      if (samePt(a, c)) {
        // a-b-a: drop the tip; the duplicate a is removed on the next pass
        pts.splice(i, 1);
        changed = true;
        i--;
        continue;
      }
      // in metres (planar frame)
      const ux = ((b[0] as number) - (a[0] as number)) * KX;
      const uy = ((b[1] as number) - (a[1] as number)) * KY;
      const vx = ((c[0] as number) - (b[0] as number)) * KX;
      const vy = ((c[1] as number) - (b[1] as number)) * KY;
      const lu = Math.hypot(ux, uy);
      const lv = Math.hypot(vx, vy);
      const crossUV = ux * vy - uy * vx;
      const dot = ux * vx + uy * vy;
      // width of the turn measured at the end of the shorter arm
      const width = Math.abs(crossUV) / Math.max(lu, lv);
      const straight = dot > 0 && Math.abs(crossUV) <= 1e-8 * lu * lv;
      const spike = dot < 0 && width < SPIKE_TOLERANCE_M;
      if (straight || spike) {
        pts.splice(i, 1);
        changed = true;
        i--;
      }
    }
  }
  if (pts.length < 3) return null;
  pts.push(pts[0]!);
  return pts;
}

/** shoelace area of a lon/lat ring in m² (planar frame, signed: > 0 counter-clockwise) */
export function ringAreaM2(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = toXY(ring[i]!);
    const [x2, y2] = toXY(ring[i + 1]!);
    s += x1 * y2 - x2 * y1;
  }
  return s / 2;
}

export function polygonsOf(g: PolyGeom | null | undefined): Position[][][] {
  if (!g) return [];
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

export function toPolyGeom(polys: Position[][][]): PolyGeom | null {
  if (polys.length === 0) return null;
  if (polys.length === 1) return { type: 'Polygon', coordinates: polys[0]! };
  return { type: 'MultiPolygon', coordinates: polys };
}

/** planar area in m² of a (multi)polygon */
export function areaM2(g: PolyGeom | null | undefined): number {
  let s = 0;
  for (const poly of polygonsOf(g)) {
    poly.forEach((ring, i) => {
      const a = Math.abs(ringAreaM2(ring));
      s += i === 0 ? a : -a;
    });
  }
  return s;
}

/**
 * The county boundaries are quantised at 1/1024°: a vertex with both coordinates on that grid is a
 * boundary vertex taken over by an overlay, and keeps its exact value (≤ 10 decimals) so that
 * layers follow the county boundaries exactly; every other coordinate is rounded to 6 decimals.
 */
export const onBoundaryGrid = (x: number, y: number): boolean => Number.isInteger(x * 1024) && Number.isInteger(y * 1024);

/** rounds every coordinate to 6 decimals (≈ 0.1 m), except county-boundary vertices (see above) */
export function roundPositions<T>(coords: T): T {
  if (Array.isArray(coords) && typeof coords[0] === 'number') {
    const x = coords[0] as number;
    const y = coords[1] as number;
    return (onBoundaryGrid(x, y) ? [x, y] : [round6(x), round6(y)]) as T;
  }
  return (coords as unknown[]).map((c) => roundPositions(c)) as T;
}

// ---------------------------------------------------------------------------------------------
// overlay wrappers (turf / polyclip-ts); all accept and return bare geometries

const asFeature = (g: PolyGeom): Feature<PolyGeom> => ({ type: 'Feature', properties: {}, geometry: g });

export function union(geoms: (PolyGeom | null | undefined)[]): PolyGeom | null {
  const list = geoms.filter((g): g is PolyGeom => !!g && polygonsOf(g).length > 0);
  if (list.length === 0) return null;
  if (list.length === 1) {
    const r = turf.union(turf.featureCollection([asFeature(list[0]!), asFeature(list[0]!)]));
    return r ? (r.geometry as PolyGeom) : null;
  }
  const r = turf.union(turf.featureCollection(list.map(asFeature)));
  return r ? (r.geometry as PolyGeom) : null;
}

export function intersect(a: PolyGeom | null | undefined, b: PolyGeom | null | undefined): PolyGeom | null {
  if (!a || !b) return null;
  if (!bboxOverlap(geomBbox(a), geomBbox(b))) return null;
  const r = turf.intersect(turf.featureCollection([asFeature(a), asFeature(b)]));
  return r ? (r.geometry as PolyGeom) : null;
}

export function difference(a: PolyGeom | null | undefined, ...subtract: (PolyGeom | null | undefined)[]): PolyGeom | null {
  if (!a) return null;
  const bb = geomBbox(a);
  const list = subtract.filter((g): g is PolyGeom => !!g && polygonsOf(g).length > 0 && bboxOverlap(bb, geomBbox(g)));
  if (list.length === 0) return a;
  const r = turf.difference(turf.featureCollection([asFeature(a), ...list.map(asFeature)]));
  return r ? (r.geometry as PolyGeom) : null;
}

/** buffer in metres (turf/jsts, geodesic-aware); negative shrinks */
export function buffer(g: Geometry, metres: number, steps = 8): PolyGeom | null {
  const r = turf.buffer(g as Polygon, metres / 1000, { units: 'kilometers', steps });
  return r ? (r.geometry as PolyGeom) : null;
}

export type BBox = [number, number, number, number];

export function geomBbox(g: Geometry): BBox {
  return turf.bbox(g) as BBox;
}
export function bboxOverlap(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

// ---------------------------------------------------------------------------------------------
// finishing: round to 6 decimals and prove validity

/**
 * Rounds to 6 decimals, cleans rings, drops pieces smaller than `minPieceM2` and repairs what the
 * rounding broke (by re-running the overlay engine); throws if the result is still not valid.
 */
export function finalizePolygonal(g: PolyGeom | null, minPieceM2 = 1000, label = 'geometry'): PolyGeom | null {
  let current = g;
  for (let attempt = 0; attempt < 4 && current; attempt++) {
    const polys: Position[][][] = [];
    // clean before rounding (numerically degenerate spikes are only recognisable at full
    // precision), round, clean again
    const cleanedFirst = polygonsOf(current).map((poly) => poly.map((r) => cleanRing(r)));
    for (const poly0 of cleanedFirst) {
      if (!poly0[0]) continue;
      const poly = roundPositions(poly0.filter((r): r is Position[] => r !== null));
      const shell = cleanRing(poly[0]!);
      if (!shell || Math.abs(ringAreaM2(shell)) < minPieceM2) continue;
      const rings: Position[][] = [orient(shell, true)];
      for (const hole of poly.slice(1)) {
        const h = cleanRing(hole);
        if (h && Math.abs(ringAreaM2(h)) >= 1) rings.push(orient(h, false));
      }
      polys.push(rings);
    }
    const out = toPolyGeom(polys);
    if (!out) return null;
    const problem = validityProblem(out);
    if (!problem) return out;
    if (attempt === 3) throw new Error(`${label}: invalid after rounding (${problem})`);
    current = union([out]);
  }
  return null;
}

/** RFC 7946: exterior rings counter-clockwise, holes clockwise */
export function orient(ring: Position[], ccw: boolean): Position[] {
  const isCcw = ringAreaM2(ring) > 0;
  return isCcw === ccw ? ring : ring.slice().reverse();
}

export function finalizeLine(coords: Position[]): Position[] | null {
  const out: Position[] = [];
  for (const p of roundPositions(coords)) {
    if (out.length === 0 || !samePt(out[out.length - 1]!, p)) out.push(p);
  }
  return out.length >= 2 ? out : null;
}

// ---------------------------------------------------------------------------------------------
// strict validity check (OGC-style simple-feature rules), independent of turf.booleanValid which
// does not look for crossing edges

type Seg = { ax: number; ay: number; bx: number; by: number; ring: number; idx: number; n: number };

function orientSign(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}
function onSeg(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
}
function pointOnSegment(p: [number, number], s: Seg): boolean {
  return orientSign(s.ax, s.ay, s.bx, s.by, p[0], p[1]) === 0 && onSeg(s.ax, s.ay, s.bx, s.by, p[0], p[1]);
}
/** do two closed segments share any point? */
export function segmentsTouch(s: Seg, t: Seg): boolean {
  const o1 = orientSign(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const o2 = orientSign(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const o3 = orientSign(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const o4 = orientSign(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  if (o1 !== o2 && o3 !== o4) return true;
  if (o1 === 0 && onSeg(s.ax, s.ay, s.bx, s.by, t.ax, t.ay)) return true;
  if (o2 === 0 && onSeg(s.ax, s.ay, s.bx, s.by, t.bx, t.by)) return true;
  if (o3 === 0 && onSeg(t.ax, t.ay, t.bx, t.by, s.ax, s.ay)) return true;
  if (o4 === 0 && onSeg(t.ax, t.ay, t.bx, t.by, s.bx, s.by)) return true;
  return false;
}

function ringSegments(ring: Position[], ringId: number): Seg[] {
  const n = ring.length - 1;
  const segs: Seg[] = [];
  for (let i = 0; i < n; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    segs.push({ ax: a[0]!, ay: a[1]!, bx: b[0]!, by: b[1]!, ring: ringId, idx: i, n });
  }
  return segs;
}

/** any two non-adjacent segments (of the same or different rings) sharing a point */
function findTouchingSegments(segs: Seg[]): string | null {
  // sweep over x
  const order = segs
    .map((s) => ({ s, minx: Math.min(s.ax, s.bx), maxx: Math.max(s.ax, s.bx) }))
    .sort((p, q) => p.minx - q.minx);
  const active: typeof order = [];
  for (const cur of order) {
    for (let k = active.length - 1; k >= 0; k--) if (active[k]!.maxx < cur.minx) active.splice(k, 1);
    for (const other of active) {
      const s = cur.s;
      const t = other.s;
      if (Math.max(s.ay, s.by) < Math.min(t.ay, t.by) || Math.max(t.ay, t.by) < Math.min(s.ay, s.by)) continue;
      if (s.ring === t.ring) {
        const d = Math.abs(s.idx - t.idx);
        if (d === 1 || d === s.n - 1) {
          // adjacent segments share one vertex; they are broken only if one folds back over the other
          const sFollowedByT = t.idx === (s.idx + 1) % s.n;
          const sFar: [number, number] = sFollowedByT ? [s.ax, s.ay] : [s.bx, s.by];
          const tFar: [number, number] = sFollowedByT ? [t.bx, t.by] : [t.ax, t.ay];
          if (pointOnSegment(tFar, s) || pointOnSegment(sFar, t)) return `spike near ${tFar[0]} ${tFar[1]}`;
          continue;
        }
      }
      if (segmentsTouch(s, t)) return `edges touch/cross near ${s.ax} ${s.ay}`;
    }
    active.push(cur);
  }
  return null;
}

/** point-in-ring (ray casting), lon/lat */
export function pointInRing(x: number, y: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!, yi = ring[i]![1]!, xj = ring[j]![0]!, yj = ring[j]![1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** first interior-ish probe point of a ring: midpoint of the first edge nudged inwards is overkill; a vertex suffices for nesting tests of non-touching rings */
function probe(ring: Position[]): [number, number] {
  return [ring[0]![0]!, ring[0]![1]!];
}

/**
 * Returns null when the geometry is valid in the OGC simple-features sense (closed rings of ≥ 4
 * positions, no repeated consecutive positions, no self-touching/crossing edges, holes inside
 * their shell and disjoint, polygons of a MultiPolygon with disjoint boundaries and interiors),
 * otherwise a short reason. Lines: ≥ 2 distinct positions.
 */
export function validityProblem(g: Geometry): string | null {
  if (g.type === 'Point') return g.coordinates.length >= 2 ? null : 'bad point';
  if (g.type === 'LineString') return g.coordinates.length >= 2 ? null : 'line too short';
  if (g.type === 'MultiLineString') return g.coordinates.every((l) => l.length >= 2) && g.coordinates.length > 0 ? null : 'line too short';
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return null;
  const polys = polygonsOf(g);
  if (polys.length === 0) return 'empty';
  const segs: Seg[] = [];
  let ringId = 0;
  for (const poly of polys) {
    for (const ring of poly) {
      if (ring.length < 4) return 'ring with < 4 positions';
      if (!samePt(ring[0]!, ring[ring.length - 1]!)) return 'ring not closed';
      for (let i = 0; i + 1 < ring.length; i++) if (samePt(ring[i]!, ring[i + 1]!)) return 'repeated position';
      if (Math.abs(ringAreaM2(ring)) === 0) return 'zero-area ring';
      segs.push(...ringSegments(ring, ringId++));
    }
  }
  const touch = findTouchingSegments(segs);
  if (touch) return touch;
  // rings do not touch each other, so nesting can be decided by one vertex
  for (let p = 0; p < polys.length; p++) {
    const poly = polys[p]!;
    for (const hole of poly.slice(1)) {
      const [hx, hy] = probe(hole);
      if (!pointInRing(hx, hy, poly[0]!)) return 'hole outside shell';
      for (const other of poly.slice(1)) {
        if (other !== hole && pointInRing(hx, hy, other)) return 'nested holes';
      }
    }
    for (let q = 0; q < polys.length; q++) {
      if (q === p) continue;
      const [sx, sy] = probe(poly[0]!);
      const otherPoly = polys[q]!;
      if (pointInRing(sx, sy, otherPoly[0]!) && !otherPoly.slice(1).some((h) => pointInRing(sx, sy, h))) {
        return 'polygons of multipolygon overlap';
      }
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// shapes

/**
 * A smooth irregular blob (star-shaped around its centre, therefore always simple) of about
 * `areaKm2`, optionally elongated (`elongation` ≥ 1) along `rotationDeg` (from east, CCW).
 */
export function blob(
  center: LonLat,
  areaKm2: number,
  rng: Rng,
  opts: { irregularity?: number; elongation?: number; rotationDeg?: number; vertices?: number } = {},
): Polygon {
  const n = opts.vertices ?? 72;
  const irr = opts.irregularity ?? 0.18;
  const elong = opts.elongation ?? 1;
  const rot = ((opts.rotationDeg ?? rng.range(0, 180)) * Math.PI) / 180;
  const harmonics = [2, 3, 4, 5, 7].map((k) => ({ k, amp: (irr * rng.range(0.3, 1)) / Math.sqrt(k - 1), phase: rng.range(0, 2 * Math.PI) }));
  const pts: XY[] = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    let r = 1;
    for (const h of harmonics) r += h.amp * Math.cos(h.k * t + h.phase);
    r = Math.max(r, 0.35);
    const ex = r * Math.cos(t) * Math.sqrt(elong);
    const ey = (r * Math.sin(t)) / Math.sqrt(elong);
    pts.push([ex * Math.cos(rot) - ey * Math.sin(rot), ex * Math.sin(rot) + ey * Math.cos(rot)]);
  }
  return starPolygon(center, pts, areaKm2 * 1e6);
}

/** scales a star-shaped unit outline (relative XY around the origin) to `areaM2` at `center` */
export function starPolygon(center: LonLat, rel: XY[], targetAreaM2: number): Polygon {
  let a = 0;
  for (let i = 0; i < rel.length; i++) {
    const p = rel[i]!;
    const q = rel[(i + 1) % rel.length]!;
    a += p[0] * q[1] - q[0] * p[1];
  }
  a = Math.abs(a / 2);
  const s = Math.sqrt(targetAreaM2 / a);
  const [cx, cy] = toXY(center);
  const ring: Position[] = rel.map(([x, y]) => toLL([cx + x * s, cy + y * s]));
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [orient(ring, true)] };
}

/**
 * A field-like patch: a rotated rectangle of the given aspect, sampled on rays with jittered radii
 * and sometimes cut corners. Returned in relative planar metres (star-shaped → simple) with its
 * circumradius, scaled to `areaM2`.
 */
export function fieldOutline(rng: Rng, areaM2: number, opts: { aspect?: number; rotationDeg?: number; jitter?: number } = {}): { rel: XY[]; radius: number } {
  const aspect = opts.aspect ?? rng.range(1, 2.6);
  const rot = ((opts.rotationDeg ?? rng.range(0, 180)) * Math.PI) / 180;
  const jitter = opts.jitter ?? 0.1;
  const hw = Math.sqrt(aspect); // half width/height of the unit rectangle before scaling
  const hh = 1 / Math.sqrt(aspect);
  const cornerAngles = [Math.atan2(hh, hw), Math.atan2(hh, -hw), Math.atan2(-hh, -hw), Math.atan2(-hh, hw)].map((t) => (t + 2 * Math.PI) % (2 * Math.PI));
  const angles: number[] = [];
  for (const c of cornerAngles) {
    if (rng.bool(0.25)) {
      // cut corner: two rays either side of it
      angles.push(c - rng.range(0.08, 0.2), c + rng.range(0.08, 0.2));
    } else angles.push(c);
  }
  const extra = rng.int(2, 6);
  for (let i = 0; i < extra; i++) angles.push(rng.range(0, 2 * Math.PI));
  const sorted = angles.map((t) => (t + 2 * Math.PI) % (2 * Math.PI)).sort((x, y) => x - y);
  const uniq: number[] = [];
  for (const t of sorted) if (uniq.length === 0 || t - uniq[uniq.length - 1]! > 0.05) uniq.push(t);
  if (uniq.length > 2 && uniq[0]! + 2 * Math.PI - uniq[uniq.length - 1]! < 0.05) uniq.pop();
  const rel: XY[] = uniq.map((t) => {
    // distance from the centre to the axis-aligned rectangle along direction t
    const dx = Math.cos(t);
    const dy = Math.sin(t);
    const r = Math.min(dx !== 0 ? hw / Math.abs(dx) : Infinity, dy !== 0 ? hh / Math.abs(dy) : Infinity);
    const rr = r * (1 - jitter + rng.range(0, jitter * 1.4));
    const x = rr * dx;
    const y = rr * dy;
    return [x * Math.cos(rot) - y * Math.sin(rot), x * Math.sin(rot) + y * Math.cos(rot)];
  });
  let a = 0;
  for (let i = 0; i < rel.length; i++) {
    const p = rel[i]!;
    const q = rel[(i + 1) % rel.length]!;
    a += p[0] * q[1] - q[0] * p[1];
  }
  const s = Math.sqrt(areaM2 / Math.abs(a / 2));
  const scaled = rel.map(([x, y]) => [x * s, y * s] as XY);
  const radius = Math.max(...scaled.map(([x, y]) => Math.hypot(x, y)));
  return { rel: scaled, radius };
}

export function placeOutline(centerXY: XY, rel: XY[]): Polygon {
  const ring: Position[] = rel.map(([x, y]) => toLL([centerXY[0] + x, centerXY[1] + y]));
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [orient(ring, true)] };
}

/** Chaikin corner cutting (keeps end points) */
export function chaikin(line: Position[], iterations = 2): Position[] {
  let pts = line.map((p) => [p[0]!, p[1]!] as Position);
  for (let it = 0; it < iterations; it++) {
    const out: Position[] = [pts[0]!];
    for (let i = 0; i + 1 < pts.length; i++) {
      const a = pts[i]!;
      const b = pts[i + 1]!;
      out.push([0.75 * a[0]! + 0.25 * b[0]!, 0.75 * a[1]! + 0.25 * b[1]!]);
      out.push([0.25 * a[0]! + 0.75 * b[0]!, 0.25 * a[1]! + 0.75 * b[1]!]);
    }
    out.push(pts[pts.length - 1]!);
    pts = out;
  }
  return pts;
}

/** inserts points so that no segment is longer than `stepM` metres */
export function densify(line: Position[], stepM: number): Position[] {
  const out: Position[] = [];
  for (let i = 0; i + 1 < line.length; i++) {
    const a = toXY(line[i]!);
    const b = toXY(line[i + 1]!);
    const n = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / stepM));
    for (let k = 0; k < n; k++) out.push(toLL([a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n]));
  }
  out.push(line[line.length - 1]!);
  return out;
}

/** adds gentle meanders (perpendicular noise) to a polyline, for rivers and roads */
export function meander(line: Position[], rng: Rng, amplitudeM: number, stepM = 400): Position[] {
  const dense = densify(line, stepM).map(toXY);
  const waves = [1, 2, 3].map((k) => ({ k, amp: amplitudeM / k, phase: rng.range(0, 2 * Math.PI), len: rng.range(3000, 9000) / k }));
  let dist = 0;
  const out: XY[] = [];
  for (let i = 0; i < dense.length; i++) {
    const p = dense[i]!;
    if (i > 0) dist += Math.hypot(p[0] - dense[i - 1]![0], p[1] - dense[i - 1]![1]);
    if (i === 0 || i === dense.length - 1) {
      out.push(p);
      continue;
    }
    const prev = dense[i - 1]!;
    const next = dense[i + 1]!;
    const dx = next[0] - prev[0];
    const dy = next[1] - prev[1];
    const len = Math.hypot(dx, dy) || 1;
    let off = 0;
    for (const w of waves) off += w.amp * Math.sin((2 * Math.PI * dist) / w.len + w.phase);
    // taper the offset at both ends
    const taper = Math.min(1, i / 5, (dense.length - 1 - i) / 5);
    out.push([p[0] - (dy / len) * off * taper, p[1] + (dx / len) * off * taper]);
  }
  return out.map(toLL);
}

// ---------------------------------------------------------------------------------------------
// planar polygon set: fast containment and distance-to-boundary tests in metres

export class PlanarPolygonSet {
  private readonly polys: { rings: XY[][]; bbox: [number, number, number, number] }[] = [];
  private readonly grid = new Map<string, number[][]>(); // cell -> list of [ax, ay, bx, by]
  constructor(geoms: (PolyGeom | null | undefined)[], private readonly cell = 1000) {
    for (const g of geoms) {
      for (const poly of polygonsOf(g)) {
        const rings = poly.map((r) => r.map(toXY));
        let minx = Infinity, miny = Infinity, maxx = -Infinity, maxy = -Infinity;
        for (const [x, y] of rings[0]!) {
          minx = Math.min(minx, x); miny = Math.min(miny, y); maxx = Math.max(maxx, x); maxy = Math.max(maxy, y);
        }
        this.polys.push({ rings, bbox: [minx, miny, maxx, maxy] });
        for (const ring of rings) {
          for (let i = 0; i + 1 < ring.length; i++) {
            const a = ring[i]!;
            const b = ring[i + 1]!;
            const seg = [a[0], a[1], b[0], b[1]];
            for (let cx = Math.floor(Math.min(a[0], b[0]) / cell); cx <= Math.floor(Math.max(a[0], b[0]) / cell); cx++) {
              for (let cy = Math.floor(Math.min(a[1], b[1]) / cell); cy <= Math.floor(Math.max(a[1], b[1]) / cell); cy++) {
                const key = `${cx},${cy}`;
                const list = this.grid.get(key);
                if (list) list.push(seg);
                else this.grid.set(key, [seg]);
              }
            }
          }
        }
      }
    }
  }
  get size(): number {
    return this.polys.length;
  }
  contains(p: XY): boolean {
    for (const poly of this.polys) {
      const [minx, miny, maxx, maxy] = poly.bbox;
      if (p[0] < minx || p[0] > maxx || p[1] < miny || p[1] > maxy) continue;
      let inside = false;
      for (const ring of poly.rings) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const xi = ring[i]![0], yi = ring[i]![1], xj = ring[j]![0], yj = ring[j]![1];
          if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
        }
      }
      if (inside) return true;
    }
    return false;
  }
  /** distance (m) from p to the nearest boundary segment, or Infinity if none within maxR */
  distanceToBoundary(p: XY, maxR: number): number {
    let best = Infinity;
    const c = this.cell;
    const seen = new Set<number[]>();
    for (let cx = Math.floor((p[0] - maxR) / c); cx <= Math.floor((p[0] + maxR) / c); cx++) {
      for (let cy = Math.floor((p[1] - maxR) / c); cy <= Math.floor((p[1] + maxR) / c); cy++) {
        const list = this.grid.get(`${cx},${cy}`);
        if (!list) continue;
        for (const s of list) {
          if (seen.has(s)) continue;
          seen.add(s);
          const d = pointSegmentDistance(p, s[0]!, s[1]!, s[2]!, s[3]!);
          if (d < best) best = d;
        }
      }
    }
    return best <= maxR ? best : Infinity;
  }
  /** is the disc (p, r) entirely inside the set (one polygon, away from its boundary)? */
  containsDisc(p: XY, r: number): boolean {
    return this.contains(p) && this.distanceToBoundary(p, r) === Infinity;
  }
  /** is the disc (p, r) entirely outside the set? */
  disjointDisc(p: XY, r: number): boolean {
    return !this.contains(p) && this.distanceToBoundary(p, r) === Infinity;
  }
}

export function pointSegmentDistance(p: XY, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  let t = l2 === 0 ? 0 : ((p[0] - ax) * dx + (p[1] - ay) * dy) / l2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - (ax + t * dx), p[1] - (ay + t * dy));
}

/** a set of polylines for "within d metres of a line" tests */
export class PlanarLineSet {
  private readonly grid = new Map<string, number[][]>();
  constructor(lines: Position[][], private readonly cell = 1000) {
    for (const line of lines) {
      const pts = line.map(toXY);
      for (let i = 0; i + 1 < pts.length; i++) {
        const a = pts[i]!;
        const b = pts[i + 1]!;
        const seg = [a[0], a[1], b[0], b[1]];
        for (let cx = Math.floor(Math.min(a[0], b[0]) / cell); cx <= Math.floor(Math.max(a[0], b[0]) / cell); cx++) {
          for (let cy = Math.floor(Math.min(a[1], b[1]) / cell); cy <= Math.floor(Math.max(a[1], b[1]) / cell); cy++) {
            const key = `${cx},${cy}`;
            const list = this.grid.get(key);
            if (list) list.push(seg);
            else this.grid.set(key, [seg]);
          }
        }
      }
    }
  }
  near(p: XY, r: number): boolean {
    const c = this.cell;
    for (let cx = Math.floor((p[0] - r) / c); cx <= Math.floor((p[0] + r) / c); cx++) {
      for (let cy = Math.floor((p[1] - r) / c); cy <= Math.floor((p[1] + r) / c); cy++) {
        const list = this.grid.get(`${cx},${cy}`);
        if (!list) continue;
        for (const s of list) if (pointSegmentDistance(p, s[0]!, s[1]!, s[2]!, s[3]!) <= r) return true;
      }
    }
    return false;
  }
}

/** keeps the parts of a polyline inside `area` (sampled every `stepM` metres) */
export function clipLineToArea(line: Position[], area: PlanarPolygonSet, stepM = 100, marginM = 0): Position[][] {
  const dense = densify(line, stepM);
  const runs: Position[][] = [];
  let cur: Position[] = [];
  for (const p of dense) {
    const xy = toXY(p);
    const inside = marginM > 0 ? area.containsDisc(xy, marginM) : area.contains(xy);
    if (inside) cur.push(p);
    else {
      if (cur.length >= 2) runs.push(cur);
      cur = [];
    }
  }
  if (cur.length >= 2) runs.push(cur);
  return runs;
}

/** Douglas-Peucker in the planar frame */
export function simplifyLine(line: Position[], toleranceM: number): Position[] {
  if (line.length <= 2) return line;
  const pts = line.map(toXY);
  const keep = new Array<boolean>(pts.length).fill(false);
  keep[0] = keep[pts.length - 1] = true;
  const stack: [number, number][] = [[0, pts.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop()!;
    let best = -1;
    let bestD = toleranceM;
    for (let k = i + 1; k < j; k++) {
      const d = pointSegmentDistance(pts[k]!, pts[i]![0], pts[i]![1], pts[j]![0], pts[j]![1]);
      if (d > bestD) {
        bestD = d;
        best = k;
      }
    }
    if (best >= 0) {
      keep[best] = true;
      stack.push([i, best], [best, j]);
    }
  }
  return line.filter((_, i) => keep[i]);
}

/** the part of a closed ring between the vertices nearest to `from` and `to`, taking the arc closer to `via` */
export function ringSection(ring: Position[], from: LonLat, to: LonLat, via: LonLat): Position[] {
  const open = ring.slice(0, -1);
  const nearest = (q: LonLat) => {
    const qx = toXY(q);
    let best = 0;
    let bestD = Infinity;
    open.forEach((p, i) => {
      const [x, y] = toXY(p);
      const d = Math.hypot(x - qx[0], y - qx[1]);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    });
    return best;
  };
  const i = nearest(from);
  const j = nearest(to);
  const n = open.length;
  const forward: Position[] = [];
  for (let k = i; ; k = (k + 1) % n) {
    forward.push(open[k]!);
    if (k === j) break;
  }
  const backward: Position[] = [];
  for (let k = i; ; k = (k - 1 + n) % n) {
    backward.push(open[k]!);
    if (k === j) break;
  }
  const viaXY = toXY(via);
  const dist = (line: Position[]) => Math.min(...line.map((p) => {
    const [x, y] = toXY(p);
    return Math.hypot(x - viaXY[0], y - viaXY[1]);
  }));
  return dist(forward) <= dist(backward) ? forward : backward;
}

// ---------------------------------------------------------------------------------------------
// features

export function feature<G extends Geometry, P extends Record<string, unknown>>(geometry: G, properties: P): Feature<G, P> {
  return { type: 'Feature', properties, geometry };
}

export function collection<G extends Geometry, P extends Record<string, unknown>>(features: Feature<G, P>[]): FeatureCollection<G, P> {
  return { type: 'FeatureCollection', features };
}
