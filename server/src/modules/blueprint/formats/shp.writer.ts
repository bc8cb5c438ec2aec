import type { Feature, Geometry, Position } from 'geojson';
import { FormatError } from './format-error.ts';
import { FormatIssueCode } from './format-issues.ts';
import { isClosed, ringSignedArea } from './geometry-utils.ts';

type Family = 'point' | 'multipoint' | 'polyline' | 'polygon';
const SHAPE_TYPE: Record<Family, number> = { point: 1, multipoint: 8, polyline: 3, polygon: 5 };
const FAMILY: Record<string, Family> = { Point: 'point', MultiPoint: 'multipoint', LineString: 'polyline', MultiLineString: 'polyline', Polygon: 'polygon', MultiPolygon: 'polygon' };

/** One shape type per shapefile: points and multipoints may share a MultiPoint file, nothing else mixes. */
function familyOf(features: Feature[]): Family | null {
  const found = new Set<Family>();
  features.forEach((f, i) => {
    const g = f.geometry as Geometry | null;
    if (!g) return;
    const family = FAMILY[g.type];
    if (!family) throw new FormatError(FormatIssueCode.mixedGeometry, `第 ${i + 1} 个要素是 ${g.type}，Shapefile 不能保存几何集合，请先拆分`, { featureIndex: i });
    found.add(family);
  });
  if (found.has('point') && found.has('multipoint')) found.delete('point');
  if (found.size > 1) throw new FormatError(FormatIssueCode.mixedGeometry, `要素中混合了 ${[...found].join('、')}，一个 Shapefile 只能有一种图形类型，请按类型分别导出`);
  return [...found][0] ?? null;
}

/** Parts and points of a record; polygon rings closed and wound as ESRI wants (outer clockwise, holes counter-clockwise). */
function partsOf(g: Geometry): Position[][] {
  const orient = (ring: Position[], clockwise: boolean) => {
    const closed = isClosed(ring) ? ring : [...ring, ring[0]!];
    return ringSignedArea(closed) < 0 === clockwise ? closed : [...closed].reverse();
  };
  switch (g.type) {
    case 'Point':
      return [[g.coordinates]];
    case 'MultiPoint':
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
      return g.coordinates;
    case 'Polygon':
      return g.coordinates.map((r, i) => orient(r, i === 0));
    case 'MultiPolygon':
      return g.coordinates.flatMap((p) => p.map((r, i) => orient(r, i === 0)));
    default:
      return [];
  }
}

function bbox(points: Position[]): [number, number, number, number] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points as [number, number][]) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return Number.isFinite(minX) ? [minX, minY, maxX, maxY] : [0, 0, 0, 0];
}

function record(g: Geometry | null, family: Family | null): Uint8Array {
  if (!g || !family) return new Uint8Array(4); // null shape: type 0
  const parts = partsOf(g);
  const points = parts.flat();
  if (family === 'point') {
    const out = new DataView(new ArrayBuffer(20));
    out.setInt32(0, 1, true);
    out.setFloat64(4, points[0]![0]!, true);
    out.setFloat64(12, points[0]![1]!, true);
    return new Uint8Array(out.buffer);
  }
  const withParts = family !== 'multipoint';
  const size = 40 + (withParts ? 4 + 4 * parts.length : 0) + 16 * points.length;
  const v = new DataView(new ArrayBuffer(size));
  v.setInt32(0, SHAPE_TYPE[family], true);
  bbox(points).forEach((n, i) => v.setFloat64(4 + 8 * i, n, true));
  let o = 36;
  if (withParts) {
    v.setInt32(o, parts.length, true);
    v.setInt32(o + 4, points.length, true);
    o += 8;
    let start = 0;
    for (const p of parts) {
      v.setInt32(o, start, true);
      start += p.length;
      o += 4;
    }
  } else {
    v.setInt32(o, points.length, true);
    o += 4;
  }
  for (const [x, y] of points) {
    v.setFloat64(o, x!, true);
    v.setFloat64(o + 8, y!, true);
    o += 16;
  }
  return new Uint8Array(v.buffer);
}

function header(fileBytes: number, shapeType: number, box: number[]): Uint8Array {
  const v = new DataView(new ArrayBuffer(100));
  v.setInt32(0, 9994, false);
  v.setInt32(24, fileBytes / 2, false);
  v.setInt32(28, 1000, true);
  v.setInt32(32, shapeType, true);
  box.forEach((n, i) => v.setFloat64(36 + 8 * i, n, true));
  return new Uint8Array(v.buffer);
}

/** The .shp and its .shx index for the features, in order (a null geometry is a null shape record). */
export function writeShp(features: Feature[]): { shp: Uint8Array; shx: Uint8Array } {
  const family = familyOf(features);
  const records = features.map((f) => record(f.geometry as Geometry | null, family));
  const shpLength = 100 + records.reduce((s, r) => s + 8 + r.length, 0);
  const shp = new Uint8Array(shpLength);
  const shx = new Uint8Array(100 + 8 * records.length);
  const all: Position[] = [];
  for (const f of features) if (f.geometry) all.push(...partsOf(f.geometry).flat());
  const shapeType = family ? SHAPE_TYPE[family] : 0;
  shp.set(header(shpLength, shapeType, bbox(all)));
  shx.set(header(shx.length, shapeType, bbox(all)));
  const shpView = new DataView(shp.buffer);
  const shxView = new DataView(shx.buffer);
  let o = 100;
  records.forEach((r, i) => {
    shpView.setInt32(o, i + 1, false);
    shpView.setInt32(o + 4, r.length / 2, false);
    shp.set(r, o + 8);
    shxView.setInt32(100 + 8 * i, o / 2, false);
    shxView.setInt32(104 + 8 * i, r.length / 2, false);
    o += 8 + r.length;
  });
  return { shp, shx };
}
