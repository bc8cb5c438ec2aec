import type { Geometry, Position } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { nearestSnap, type Px } from './snap-geometry';

const OVERLAY_PREFIX = 'overlay-';

function linesOf(geometry: Geometry): Position[][] {
  switch (geometry.type) {
    case 'Polygon':
    case 'MultiLineString':
      return geometry.coordinates;
    case 'MultiPolygon':
      return geometry.coordinates.flat();
    case 'LineString':
      return [geometry.coordinates];
    default:
      return [];
  }
}

/**
 * Snapping to what the map shows: vertices and edges of the thematic layers drawn now (parcels,
 * controls, roads), found with queryRenderedFeatures around the pointer. Tile geometry is quantised to
 * 1/4096 of a tile (≈ 4 cm at zoom 16, ≈ 0.5 m at zoom 13), so a snapped vertex is exact to that.
 */
export function snapToRendered(map: MapLibreMap, tolerancePx = 10) {
  return (pointer: { containerX: number; containerY: number }): Position | undefined => {
    const layers = (map.getStyle()?.layers ?? [])
      .filter((l) => l.id.startsWith(OVERLAY_PREFIX) && (l.type === 'fill' || l.type === 'line') && l.layout?.visibility !== 'none')
      .map((l) => l.id);
    if (!layers.length) return undefined;
    const { containerX: x, containerY: y } = pointer;
    const features = map.queryRenderedFeatures(
      [
        [x - tolerancePx, y - tolerancePx],
        [x + tolerancePx, y + tolerancePx],
      ],
      { layers },
    );
    const lonLat: Position[][] = features.flatMap((f) => linesOf(f.geometry));
    if (!lonLat.length) return undefined;
    const screen: Px[][] = lonLat.map((line) =>
      line.map(([lon, lat]) => {
        const p = map.project([lon!, lat!]);
        return [p.x, p.y] as Px;
      }),
    );
    const hit = nearestSnap([x, y], screen, tolerancePx);
    if (!hit) return undefined;
    if (hit.kind === 'vertex') return lonLat[hit.line]![hit.index];
    const at = map.unproject(hit.point);
    return [at.lng, at.lat];
  };
}
