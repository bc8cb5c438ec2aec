import type { LineString, Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { TerraDraw, TerraDrawLineStringMode, TerraDrawPolygonMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { keepNewestShape } from './draw-shapes';

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
  const report = () => {
    const geometry = shape.id === null ? undefined : draw.getSnapshotFeature(shape.id)?.geometry;
    onChange(geometry && (geometry.type === 'LineString' || geometry.type === 'Polygon') ? geometry : null);
  };
  const shape = keepNewestShape(draw, (f) => f.geometry.type === 'LineString' || f.geometry.type === 'Polygon', report);
  draw.start();
  draw.setMode(MODE_OF[kind]);

  return {
    setKind(next) {
      draw.clear();
      shape.reset();
      draw.setMode(MODE_OF[next]);
      report();
    },
    clear() {
      draw.clear();
      shape.reset();
      report();
    },
    stop() {
      draw.stop();
    },
  };
}
