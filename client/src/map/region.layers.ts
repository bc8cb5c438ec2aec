import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';

export const REGION_SOURCE = 'regions';
export const REGION_LABEL_SOURCE = 'region-labels';

// Layer ids are a contract with the browser tests (tests/e2e) and later modules.
export const regionLayerIds = {
  countyFill: 'region-county-fill',
  zoneFill: 'region-zone-fill',
  countyLine: 'region-county-line',
  zoneLine: 'region-zone-line',
  cityCasing: 'region-city-casing',
  cityLine: 'region-city-line',
  countyLabel: 'region-county-label',
  zoneLabel: 'region-zone-label',
} as const;

const isLevel = (level: string): ExpressionSpecification => ['==', ['get', 'level'], level];
const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];

/** Fills are strong on the plain offline background and faint over imagery or a street map. */
export function countyFillOpacity(overRaster: boolean): ExpressionSpecification {
  return overRaster ? ['case', hovered, 0.35, 0.12] : ['case', hovered, 0.85, 0.6];
}

export function zoneFillOpacity(overRaster: boolean): ExpressionSpecification {
  return overRaster ? ['case', hovered, 0.35, 0.15] : ['case', hovered, 0.5, 0.28];
}

export function regionLayers(overRaster: boolean): LayerSpecification[] {
  return [
    {
      id: regionLayerIds.countyFill,
      type: 'fill',
      source: REGION_SOURCE,
      filter: isLevel('county'),
      paint: { 'fill-color': ['get', 'fill'], 'fill-opacity': countyFillOpacity(overRaster) },
    },
    {
      id: regionLayerIds.countyLine,
      type: 'line',
      source: REGION_SOURCE,
      filter: isLevel('county'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#4f6478', 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.8, 12, 2] },
    },
    {
      id: regionLayerIds.zoneFill,
      type: 'fill',
      source: REGION_SOURCE,
      filter: isLevel('zone'),
      paint: { 'fill-color': ['get', 'fill'], 'fill-opacity': zoneFillOpacity(overRaster) },
    },
    {
      id: regionLayerIds.zoneLine,
      type: 'line',
      source: REGION_SOURCE,
      filter: isLevel('zone'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#c4501d', 'line-width': 1.8, 'line-dasharray': [3, 2] },
    },
    {
      id: regionLayerIds.cityCasing,
      type: 'line',
      source: REGION_SOURCE,
      filter: isLevel('city'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 7, 'line-opacity': 0.8 },
    },
    {
      id: regionLayerIds.cityLine,
      type: 'line',
      source: REGION_SOURCE,
      filter: isLevel('city'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#17406d', 'line-width': 3 },
    },
    {
      id: regionLayerIds.zoneLabel,
      type: 'symbol',
      source: REGION_LABEL_SOURCE,
      filter: isLevel('zone'),
      minzoom: 8.5,
      layout: {
        'text-field': ['get', 'name'],
        'text-size': ['interpolate', ['linear'], ['zoom'], 8.5, 11, 12, 14],
        'text-max-width': 6,
        'text-padding': 2,
      },
      paint: { 'text-color': '#a63d0f', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
    {
      id: regionLayerIds.countyLabel,
      type: 'symbol',
      source: REGION_LABEL_SOURCE,
      filter: isLevel('county'),
      layout: {
        'text-field': ['get', 'name'],
        'text-size': ['interpolate', ['linear'], ['zoom'], 7, 12, 10, 17],
        // County names win over zone names where they collide.
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#1b2f45', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
    },
  ];
}
