import { gkZone } from '../../../../common/src/units.ts';
import { lineLength, polygonArea } from '../../../../common/src/geodesy.ts';
import { gkPlanarArea } from '../../../../common/src/gk-proj.ts';
import type { MeasureGeometry } from '../../map';

export type MeasureFigures =
  | { kind: 'distance'; metres: number; vertices: number }
  | { kind: 'area'; ellipsoidalM2: number; planarM2: number; zone: number; perimetreM: number; vertices: number };

/** Live figures of the shape being measured: geodesic length, or ellipsoidal and GK-plane area. */
export function measureFigures(geometry: MeasureGeometry | null): MeasureFigures | null {
  if (!geometry) return null;
  if (geometry.type === 'LineString') {
    return { kind: 'distance', metres: lineLength(geometry.coordinates), vertices: geometry.coordinates.length };
  }
  const outer = geometry.coordinates[0] ?? [];
  if (outer.length < 4) return null;
  const meanLon = outer.reduce((sum, p) => sum + (p[0] ?? 0), 0) / outer.length;
  const zone = gkZone(meanLon).zone;
  return {
    kind: 'area',
    ellipsoidalM2: polygonArea(geometry.coordinates),
    planarM2: gkPlanarArea(geometry.coordinates, zone),
    zone,
    perimetreM: lineLength(outer),
    vertices: outer.length - 1,
  };
}
