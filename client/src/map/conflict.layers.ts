import type { LayerSpecification } from 'maplibre-gl';

export const CONFLICT_SOURCE = 'site-conflicts';

// Layer ids are a contract with the browser tests.
export const conflictLayerIds = { fill: 'site-conflicts-fill', line: 'site-conflicts-line' } as const;

const RED = '#f5222d';

/** Features a site may not touch (forbidden findings): a light red fill and a red outline. */
export const conflictLayers: LayerSpecification[] = [
  { id: conflictLayerIds.fill, type: 'fill', source: CONFLICT_SOURCE, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': RED, 'fill-opacity': 0.12 } },
  { id: conflictLayerIds.line, type: 'line', source: CONFLICT_SOURCE, layout: { 'line-join': 'round' }, paint: { 'line-color': RED, 'line-width': 2.5 } },
];
