import type { FeatureCollection, Geometry, Position } from 'geojson';
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';

export const PREVIEW_SOURCE = 'import-preview';

// Layer ids are a contract with the browser tests (tests/e2e).
export const previewLayerIds = {
  fill: 'import-preview-fill',
  line: 'import-preview-line',
  point: 'import-preview-point',
} as const;

/** Magenta: a colour no plan, control or region layer uses, so the preview is never mistaken for data. */
export const PREVIEW_COLOUR = '#d4148c';

const previewLayers: LayerSpecification[] = [
  {
    id: previewLayerIds.fill,
    type: 'fill',
    source: PREVIEW_SOURCE,
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': PREVIEW_COLOUR, 'fill-opacity': 0.28 },
  },
  {
    id: previewLayerIds.line,
    type: 'line',
    source: PREVIEW_SOURCE,
    filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'LineString']]],
    layout: { 'line-join': 'round' },
    paint: { 'line-color': PREVIEW_COLOUR, 'line-width': 2.5, 'line-dasharray': [2, 1] },
  },
  {
    id: previewLayerIds.point,
    type: 'circle',
    source: PREVIEW_SOURCE,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-color': PREVIEW_COLOUR, 'circle-radius': 5, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
  },
];

export interface ShowPreviewOptions {
  /** Pixels kept clear around the fitted data, e.g. where a drawer covers the map. */
  padding?: number | { top: number; bottom: number; left: number; right: number };
  fit?: boolean;
}

function eachPosition(geometry: Geometry | null, visit: (p: Position) => void): void {
  if (!geometry) return;
  switch (geometry.type) {
    case 'Point':
      return visit(geometry.coordinates);
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates.forEach(visit);
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.forEach((ring) => ring.forEach(visit));
    case 'MultiPolygon':
      return geometry.coordinates.forEach((poly) => poly.forEach((ring) => ring.forEach(visit)));
    case 'GeometryCollection':
      return geometry.geometries.forEach((g) => eachPosition(g, visit));
  }
}

/** [west, south, east, north] of every coordinate, or null when there is none. */
export function collectionBounds(collection: FeatureCollection): [number, number, number, number] | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const feature of collection.features) {
    eachPosition(feature.geometry, ([x, y]) => {
      if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return;
      w = Math.min(w, x);
      s = Math.min(s, y);
      e = Math.max(e, x);
      n = Math.max(n, y);
    });
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

/** Draws (or replaces) the import preview above every other layer and zooms the map to it. */
export function showPreview(map: MapLibreMap, collection: FeatureCollection, options: ShowPreviewOptions = {}): void {
  const apply = () => {
    const source = map.getSource<GeoJSONSource>(PREVIEW_SOURCE);
    if (source) source.setData(collection);
    else map.addSource(PREVIEW_SOURCE, { type: 'geojson', data: collection });
    for (const layer of previewLayers) {
      if (map.getLayer(layer.id)) map.moveLayer(layer.id);
      else map.addLayer(layer);
    }
    const bounds = collectionBounds(collection);
    if (bounds && options.fit !== false) {
      map.fitBounds(bounds, { padding: options.padding ?? 60, maxZoom: 16, duration: 600 });
    }
  };
  if (map.isStyleLoaded()) apply();
  else map.once('load', apply);
}

export function clearPreview(map: MapLibreMap): void {
  for (const id of Object.values(previewLayerIds)) {
    if (map.getLayer(id)) map.removeLayer(id);
  }
  if (map.getSource(PREVIEW_SOURCE)) map.removeSource(PREVIEW_SOURCE);
}

export function hasPreview(map: MapLibreMap): boolean {
  return !!map.getSource(PREVIEW_SOURCE);
}
