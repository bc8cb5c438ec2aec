import type { Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import {
  TerraDraw,
  TerraDrawCircleMode,
  TerraDrawModeUndoRedo,
  TerraDrawPolygonMode,
  TerraDrawRectangleMode,
  TerraDrawSelectMode,
  ValidateNotSelfIntersecting,
  type GeoJSONStoreFeatures,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { keepNewestShape } from './draw-shapes';
import { snapToRendered } from './rendered-snap';
import { createHistory } from './site-history';

/** How a site is drawn; 'edit' drags the drawn site, its vertices, or a rectangle's/circle's handles. */
export type SiteDrawMode = 'polygon' | 'rectangle' | 'circle' | 'edit';
export type SiteShape = Exclude<SiteDrawMode, 'edit'>;

/** Why terra-draw refused a step; the panel shows it in Chinese. */
export type SiteRefusal = 'self-intersection' | 'holes' | 'invalid';

export interface SiteDrawEvents {
  /** The site as drawn or edited (on every pointer move), and the mode terra-draw is in. */
  change(geometry: Polygon | null, mode: SiteDrawMode): void;
  history(state: { canUndo: boolean; canRedo: boolean }): void;
  refused(reason: SiteRefusal): void;
}

export interface SiteDrawSession {
  setMode(mode: SiteDrawMode): void;
  clear(): void;
  undo(): void;
  redo(): void;
  /** A site from elsewhere (a file, a stock-land parcel): becomes the editable site, one undo step. */
  setSite(geometry: Polygon): boolean;
  setSnapping(on: boolean): void;
  stop(): void;
}

interface SiteState {
  geometry: Polygon;
  shape: SiteShape;
}

const COLOUR = '#1677ff';
const WHITE = '#ffffff';
const SHAPES: readonly string[] = ['polygon', 'rectangle', 'circle'];
const PRECISION = 9;

const round = (n: number) => Math.round(n * 10 ** PRECISION) / 10 ** PRECISION;
const sameState = (a: SiteState | null, b: SiteState | null) => (a && b ? a.shape === b.shape && JSON.stringify(a.geometry) === JSON.stringify(b.geometry) : a === b);

/**
 * Drawing one site with terra-draw: a polygon (a vertex that would make the ring cross itself is
 * refused), a rectangle or a circle. A finished site is selected at once: vertices, midpoints and the
 * whole site drag; rectangles and circles resize by their handles. Snapping (on by default) pulls the
 * pointer to vertices and edges of the thematic layers drawn. Each finished step (draw, drag, resize,
 * clear, a site from a file or parcel) is one undo step; while a polygon is being drawn, undo takes
 * back its last vertex.
 */
export function startSiteDraw(map: MapLibreMap, mode: SiteDrawMode, events: SiteDrawEvents): SiteDrawSession {
  let snapping = true;
  const snap = snapToRendered(map);
  const snappingOption = { toCustom: (event: { containerX: number; containerY: number }) => (snapping ? snap(event) : undefined) };
  const refuseCrossing = (feature: GeoJSONStoreFeatures, { updateType }: { updateType: string }) => {
    if (updateType !== 'finish' && updateType !== 'commit') return { valid: true };
    const result = ValidateNotSelfIntersecting(feature);
    if (!result.valid) events.refused('self-intersection');
    return result;
  };
  const fill = { fillColor: COLOUR, fillOpacity: 0.2, outlineColor: COLOUR, outlineWidth: 3 } as const;
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, prefixId: 'site', coordinatePrecision: PRECISION }),
    undoRedo: { modeLevel: new TerraDrawModeUndoRedo() },
    modes: [
      new TerraDrawPolygonMode({
        snapping: snappingOption,
        styles: {
          ...fill,
          closingPointColor: WHITE,
          closingPointOutlineColor: COLOUR,
          closingPointWidth: 5,
          closingPointOutlineWidth: 2,
          snappingPointColor: '#fa541c',
          snappingPointOutlineColor: WHITE,
          snappingPointWidth: 5,
          snappingPointOutlineWidth: 2,
        },
        validation: refuseCrossing,
      }),
      new TerraDrawRectangleMode({ styles: fill }),
      new TerraDrawCircleMode({ styles: fill }),
      new TerraDrawSelectMode({
        flags: {
          // selfIntersectable stays false: a drag that would cross the ring is not applied.
          polygon: { feature: { draggable: true, coordinates: { draggable: true, midpoints: true, deletable: true, snappable: snappingOption } } },
          rectangle: { feature: { draggable: true, coordinates: { resizable: 'opposite' } } },
          circle: { feature: { draggable: true, coordinates: { resizable: 'center-fixed' } } },
        },
        styles: {
          selectedPolygonColor: COLOUR,
          selectedPolygonOutlineColor: COLOUR,
          selectedPolygonFillOpacity: 0.25,
          selectionPointColor: WHITE,
          selectionPointOutlineColor: COLOUR,
          // A circle's 64 resize handles would hide its edge: small dots, grabbed by pointer distance anyway.
          selectionPointWidth: (point) => (onCircle(point) ? 2 : 5),
          selectionPointOutlineWidth: (point) => (onCircle(point) ? 1 : 2),
          midPointColor: COLOUR,
        },
      }),
    ],
  });
  function onCircle(point: GeoJSONStoreFeatures): boolean {
    const parent = point.properties.selectionPointFeatureId;
    return typeof parent === 'string' && draw.getSnapshotFeature(parent)?.properties.mode === 'circle';
  }
  let currentMode: SiteDrawMode = mode;
  const history = createHistory<SiteState | null>(null, sameState);

  const drawing = () => draw.getModeState() === 'drawing';
  const stateNow = (): SiteState | null => {
    const feature = shape.id === null ? undefined : draw.getSnapshotFeature(shape.id);
    if (!feature || feature.geometry.type !== 'Polygon') return null;
    return { geometry: feature.geometry, shape: feature.properties.mode as SiteShape };
  };
  const report = () => {
    events.change(stateNow()?.geometry ?? null, currentMode);
    events.history({ canUndo: (drawing() && draw.canUndo()) || history.canUndo, canRedo: !drawing() && history.canRedo });
  };
  const shape = keepNewestShape(draw, (f) => f.geometry.type === 'Polygon' && SHAPES.includes(String(f.properties.mode)), report);
  const toTerraMode = (m: SiteDrawMode) => (m === 'edit' ? 'select' : m);

  const edit = (id: string | number) => {
    currentMode = 'edit';
    draw.setMode('select');
    draw.selectFeature(id);
  };
  /** Shows a state from the history (or a new site): the store holds exactly it. */
  const show = (state: SiteState | null): boolean => {
    draw.clear();
    shape.reset();
    if (state) {
      const id = draw.getFeatureId();
      const [result] = draw.addFeatures([{ id, type: 'Feature', geometry: state.geometry, properties: { mode: state.shape } }]);
      if (!result?.valid) {
        events.refused(result?.reason === 'Feature has holes' ? 'holes' : result?.reason?.includes('intersect') ? 'self-intersection' : 'invalid');
        report();
        return false;
      }
      edit(id);
    } else if (currentMode === 'edit') {
      currentMode = 'polygon';
      draw.setMode('polygon');
    }
    report();
    return true;
  };

  draw.on('finish', (id, context) => {
    // Every finished action is one step: drawing, dragging the site or a vertex, inserting or
    // deleting a vertex, resizing.
    queueMicrotask(() => {
      if (!draw.hasFeature(id)) return;
      if (context.action === 'draw') edit(id);
      history.push(stateNow());
      report();
    });
  });
  draw.start();
  draw.setMode(toTerraMode(mode));

  return {
    setMode(next) {
      // Leaving an unfinished shape: back to the last finished site.
      if (drawing()) show(history.current);
      currentMode = next;
      draw.setMode(toTerraMode(next));
      if (next === 'edit' && shape.id !== null && draw.hasFeature(shape.id)) draw.selectFeature(shape.id);
      report();
    },
    clear() {
      history.push(null);
      show(null);
    },
    undo() {
      if (drawing()) {
        if (draw.canUndo()) draw.undo();
        else show(history.current);
        report();
        return;
      }
      const previous = history.undo();
      if (previous !== undefined) show(previous);
    },
    redo() {
      if (drawing()) return;
      const next = history.redo();
      if (next !== undefined) show(next);
    },
    setSite(geometry) {
      if (geometry.coordinates.length !== 1) {
        events.refused('holes');
        return false;
      }
      const state: SiteState = { geometry: { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(([lon, lat]) => [round(lon!), round(lat!)])) }, shape: 'polygon' };
      if (!show(state)) {
        show(history.current);
        return false;
      }
      history.push(state);
      report();
      return true;
    },
    setSnapping(on) {
      snapping = on;
    },
    stop() {
      draw.stop();
    },
  };
}
