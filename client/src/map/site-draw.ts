import type { Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import {
  TerraDraw,
  TerraDrawCircleMode,
  TerraDrawPolygonMode,
  TerraDrawRectangleMode,
  TerraDrawSelectMode,
  ValidateNotSelfIntersecting,
  type GeoJSONStoreFeatures,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';

/** How a site is drawn; 'edit' drags the drawn site or its vertices. */
export type SiteDrawMode = 'polygon' | 'rectangle' | 'circle' | 'edit';

const COLOUR = '#1677ff';
const WHITE = '#ffffff';
const SHAPE_MODES = ['polygon', 'rectangle', 'circle'] as const;

export interface SiteDrawSession {
  setMode(mode: SiteDrawMode): void;
  clear(): void;
  stop(): void;
}

const isShape = (feature: GeoJSONStoreFeatures | undefined): feature is GeoJSONStoreFeatures =>
  !!feature && feature.geometry.type === 'Polygon' && !feature.properties.closingPoint && !feature.properties.snappingPoint;

/**
 * Drawing one site with terra-draw: a polygon (self-intersections refused while drawing), a
 * rectangle or a circle (both two clicks). A finished site is selected at once so its vertices can
 * be dragged; drawing a new one drops the last. Every change is reported, so the area follows the pointer.
 */
export function startSiteDraw(map: MapLibreMap, mode: SiteDrawMode, onChange: (geometry: Polygon | null, mode: SiteDrawMode) => void): SiteDrawSession {
  const fill = { fillColor: COLOUR, fillOpacity: 0.2, outlineColor: COLOUR, outlineWidth: 3 } as const;
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, prefixId: 'site', coordinatePrecision: 9 }),
    modes: [
      new TerraDrawPolygonMode({
        styles: { ...fill, closingPointColor: WHITE, closingPointOutlineColor: COLOUR, closingPointWidth: 5, closingPointOutlineWidth: 2 },
        // A self-intersecting ring is no site: terra-draw refuses the vertex that would cross.
        validation: (feature, { updateType }) => (updateType === 'finish' || updateType === 'commit' ? ValidateNotSelfIntersecting(feature) : { valid: true }),
      }),
      new TerraDrawRectangleMode({ styles: fill }),
      new TerraDrawCircleMode({ styles: fill }),
      new TerraDrawSelectMode({
        flags: {
          polygon: { feature: { draggable: true, coordinates: { draggable: true, midpoints: true, deletable: true } } },
          rectangle: { feature: { draggable: true } },
          circle: { feature: { draggable: true } },
        },
        styles: { selectedPolygonColor: COLOUR, selectedPolygonOutlineColor: COLOUR, selectedPolygonFillOpacity: 0.25, selectionPointColor: WHITE, selectionPointOutlineColor: COLOUR, midPointColor: COLOUR },
      }),
    ],
  });
  let currentId: string | number | null = null;
  let currentMode: SiteDrawMode = mode;

  const report = () => {
    const feature = currentId === null ? undefined : draw.getSnapshotFeature(currentId);
    onChange(feature && feature.geometry.type === 'Polygon' ? feature.geometry : null, currentMode);
  };
  const toTerraMode = (m: SiteDrawMode) => (m === 'edit' ? 'select' : m);

  draw.on('change', (ids, type) => {
    if (type === 'create') {
      const created = ids.find((id) => isShape(draw.getSnapshotFeature(id)) && (SHAPE_MODES as readonly string[]).includes(String(draw.getSnapshotFeature(id)?.properties.mode)));
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
  draw.on('finish', (id, context) => {
    if (context.action !== 'draw') return;
    // Straight into editing: the vertices of the new site can be dragged at once.
    queueMicrotask(() => {
      if (!draw.hasFeature(id)) return;
      currentMode = 'edit';
      draw.setMode('select');
      draw.selectFeature(id);
      report();
    });
  });
  draw.start();
  draw.setMode(toTerraMode(mode));

  return {
    setMode(next) {
      currentMode = next;
      draw.setMode(toTerraMode(next));
      if (next === 'edit' && currentId !== null && draw.hasFeature(currentId)) draw.selectFeature(currentId);
      report();
    },
    clear() {
      draw.clear();
      currentId = null;
      if (currentMode === 'edit') {
        currentMode = 'polygon';
        draw.setMode('polygon');
      }
      report();
    },
    stop() {
      draw.stop();
    },
  };
}
