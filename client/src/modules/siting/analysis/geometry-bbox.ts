import type { Geometry, Position } from 'geojson';

function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(positions);
  }
}

/** [west, south, east, north] around geometries; null for none. */
export function bboxOfAll(geometries: Geometry[]): [number, number, number, number] | null {
  const all = geometries.flatMap(positions);
  if (!all.length) return null;
  const lons = all.map((p) => p[0]!);
  const lats = all.map((p) => p[1]!);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}
