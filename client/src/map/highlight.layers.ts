import type { LayerSpecification } from 'maplibre-gl';

export const HIGHLIGHT_SOURCE = 'identify-highlight';

// Layer ids are a contract with the browser tests.
export const highlightLayerIds = {
  fill: 'identify-highlight-fill',
  casing: 'identify-highlight-casing',
  line: 'identify-highlight-line',
  point: 'identify-highlight-point',
} as const;

/** Thematic layers are inserted below this one: the highlight and the labels stay on top. */
export const HIGHLIGHT_BEFORE_ID = highlightLayerIds.fill;

const COLOUR = '#00e5ff';

export const highlightLayers: LayerSpecification[] = [
  { id: highlightLayerIds.fill, type: 'fill', source: HIGHLIGHT_SOURCE, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': COLOUR, 'fill-opacity': 0.25 } },
  {
    id: highlightLayerIds.casing,
    type: 'line',
    source: HIGHLIGHT_SOURCE,
    filter: ['!=', ['geometry-type'], 'Point'],
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: { 'line-color': '#0b3d91', 'line-width': 5, 'line-opacity': 0.8 },
  },
  {
    id: highlightLayerIds.line,
    type: 'line',
    source: HIGHLIGHT_SOURCE,
    filter: ['!=', ['geometry-type'], 'Point'],
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: { 'line-color': COLOUR, 'line-width': 2.5 },
  },
  {
    id: highlightLayerIds.point,
    type: 'circle',
    source: HIGHLIGHT_SOURCE,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-color': COLOUR, 'circle-radius': 7, 'circle-stroke-color': '#0b3d91', 'circle-stroke-width': 2 },
  },
];
