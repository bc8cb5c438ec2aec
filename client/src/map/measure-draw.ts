import type { LineString, Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { TerraDraw, TerraDrawLineStringMode, TerraDrawPolygonMode, type GeoJSONStoreFeatures } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';

export type MeasureKind = 'distance' | 'area';
export type MeasureGeometry = LineString | Polygon;

const MODE_OF: Record<MeasureKind, string> = { distance: 'linestring', area: 'polygon' };
const COLOUR = '#e8590c';
const WHITE = '#ffffff';

export interface MeasureSession {
  setKind(kind: MeasureKind): void;
  clear(): void;
  stop(): void;
}

/**
 * Measuring with terra-draw: one shape at a time (starting a new one drops the last), reported on
 * every change, so the figures follow the pointer while drawing. Double-click or Enter finishes a
 * line; a polygon finishes on its first point or with Enter; Esc cancels.
 */
export function startMeasure(map: MapLibreMap, kind: MeasureKind, onChange: (geometry: MeasureGeometry | null) => void): MeasureSession {
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, prefixId: 'measure', coordinatePrecision: 9 }),
    modes: [
      new TerraDrawLineStringMode({
        styles: { lineStringColor: COLOUR, lineStringWidth: 3, closingPointColor: WHITE, closingPointOutlineColor: COLOUR, closingPointWidth: 5, closingPointOutlineWidth: 2 },
      }),
      new TerraDrawPolygonMode({
        styles: { fillColor: COLOUR, fillOpacity: 0.2, outlineColor: COLOUR, outlineWidth: 3, closingPointColor: WHITE, closingPointOutlineColor: COLOUR, closingPointWidth: 5, closingPointOutlineWidth: 2 },
      }),
    ],
  });
  let currentId: string | number | null = null;

  const report = () => {
    const feature = currentId === null ? undefined : draw.getSnapshotFeature(currentId);
    const geometry = feature?.geometry;
    onChange(geometry && (geometry.type === 'LineString' || geometry.type === 'Polygon') ? geometry : null);
  };
  // terra-draw also stores guidance points (closing, snapping points) as features: only lines and
  // polygons are measured shapes.
  const isShape = (feature: GeoJSONStoreFeatures | undefined): feature is GeoJSONStoreFeatures =>
    !!feature && (feature.geometry.type === 'LineString' || feature.geometry.type === 'Polygon') && !feature.properties.closingPoint && !feature.properties.snappingPoint;

  draw.on('change', (ids, type) => {
    if (type === 'create') {
      const created = ids.find((id) => isShape(draw.getSnapshotFeature(id)));
      if (created !== undefined) {
        currentId = created;
        const older = draw
          .getSnapshot()
          .filter(isShape)
          .map((f) => f.id)
          .filter((id): id is string | number => id !== undefined && id !== created);
        // Not from inside terra-draw's own change notification.
        if (older.length) queueMicrotask(() => draw.removeFeatures(older.filter((id) => draw.hasFeature(id))));
      }
    }
    if (type === 'delete' && currentId !== null && ids.includes(currentId)) currentId = null;
    report();
  });
  draw.start();
  draw.setMode(MODE_OF[kind]);

  return {
    setKind(next) {
      draw.clear();
      currentId = null;
      draw.setMode(MODE_OF[next]);
      report();
    },
    clear() {
      draw.clear();
      currentId = null;
      report();
    },
    stop() {
      draw.stop();
    },
  };
}
