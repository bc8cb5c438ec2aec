import type { LayerSpecification } from 'maplibre-gl';
import { regionLayerIds } from './region.layers';

export const CHOROPLETH_SOURCE = 'county-choropleth';

// Layer ids are a contract with the browser tests.
export const choroplethLayerIds = { fill: 'county-choropleth-fill' } as const;

/** Drawn over the county fills and under the county borders, zones and labels. */
export const CHOROPLETH_BEFORE_ID = regionLayerIds.countyLine;

export const choroplethLayers: LayerSpecification[] = [
  {
    id: choroplethLayerIds.fill,
    type: 'fill',
    source: CHOROPLETH_SOURCE,
    paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.95, 0.82] },
  },
];
