import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Basemap } from '../api/api.types';
import { basemapLayerIds, isRasterBasemap } from './basemap.layers';
import { countyFillOpacity, regionLayerIds, zoneFillOpacity } from './region.layers';

/** The basemap a new map opens with: the one in the link if it still exists, else offline. */
export function initialBasemapId(basemaps: Basemap[], requested: string | null): string {
  if (requested && basemaps.some((b) => b.id === requested)) return requested;
  return (basemaps.find((b) => b.kind === 'offline') ?? basemaps[0])?.id ?? 'offline';
}

export function applyBasemap(map: MapLibreMap, basemaps: Basemap[], activeId: string): void {
  for (const basemap of basemaps) {
    const visibility = basemap.id === activeId ? 'visible' : 'none';
    for (const id of basemapLayerIds(basemap)) {
      if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visibility);
    }
  }
  const overRaster = isRasterBasemap(basemaps.find((b) => b.id === activeId));
  map.setPaintProperty(regionLayerIds.countyFill, 'fill-opacity', countyFillOpacity(overRaster));
  map.setPaintProperty(regionLayerIds.zoneFill, 'fill-opacity', zoneFillOpacity(overRaster));
}
