import type { Geometry, Position } from 'geojson';

const xy = (p: Position): Position => [p[0]!, p[1]!];

/** Drops Z/M: imports are 2D. */
export function to2d(g: Geometry): Geometry {
  switch (g.type) {
    case 'Point':
      return { type: g.type, coordinates: xy(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, coordinates: g.coordinates.map(xy) } as Geometry;
    case 'MultiLineString':
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map((r) => r.map(xy)) } as Geometry;
    case 'MultiPolygon':
      return { type: g.type, coordinates: g.coordinates.map((p) => p.map((r) => r.map(xy))) };
    case 'GeometryCollection':
      return { type: g.type, geometries: g.geometries.map(to2d) };
  }
}

/** A collection of one kind of geometry (KML's MultiGeometry) becomes the matching Multi* type. */
export function collapseCollection(g: Geometry): Geometry {
  if (g.type !== 'GeometryCollection') return g;
  const parts = g.geometries.map(collapseCollection);
  if (parts.length === 1) return parts[0]!;
  const kinds = new Set(parts.map((p) => p.type.replace(/^Multi/, '')));
  if (kinds.size !== 1 || parts.length === 0) return { type: 'GeometryCollection', geometries: parts };
  const kind = [...kinds][0];
  const flat = <T>(p: Geometry, single: string): T[] => {
    const c = (p as unknown as { coordinates: unknown }).coordinates;
    return (p.type === single ? [c] : c) as T[];
  };
  if (kind === 'Point') return { type: 'MultiPoint', coordinates: parts.flatMap((p) => flat<Position>(p, 'Point')) };
  if (kind === 'LineString') return { type: 'MultiLineString', coordinates: parts.flatMap((p) => flat<Position[]>(p, 'LineString')) };
  return { type: 'MultiPolygon', coordinates: parts.flatMap((p) => flat<Position[][]>(p, 'Polygon')) };
}
