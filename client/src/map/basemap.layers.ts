import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { Basemap } from '../api/api.types';

export const BACKGROUND_LAYER = 'basemap-background';
export const OFFLINE_BACKGROUND = '#eef1f4';

const sourceId = (basemap: Basemap) => `basemap-${basemap.id}`;
const labelSourceId = (basemap: Basemap) => `basemap-${basemap.id}-labels`;

export const isRasterBasemap = (basemap: Basemap | undefined) => !!basemap && basemap.kind !== 'offline' && !!basemap.tiles?.length;

/**
 * 天地图's base layers carry no names; each has a matching annotation layer (vec -> cva, img -> cia).
 * The server sends it as `labelTiles`; without that it is derived from the base tiles' WMTS URLs.
 */
export function tiandituLabelTiles(basemap: Basemap): string[] | null {
  if (basemap.labelTiles?.length) return basemap.labelTiles;
  const pair = basemap.kind === 'tianditu-vec' ? ['vec', 'cva'] : basemap.kind === 'tianditu-img' ? ['img', 'cia'] : null;
  if (!pair || !basemap.tiles?.length) return null;
  const [base, label] = pair as [string, string];
  const tiles = basemap.tiles.map((url) => url.replace(`/${base}_w/`, `/${label}_w/`).replace(`LAYER=${base}`, `LAYER=${label}`));
  return tiles.some((url, i) => url !== basemap.tiles?.[i]) ? tiles : null;
}

export function basemapSources(basemaps: Basemap[]): Record<string, SourceSpecification> {
  const sources: Record<string, SourceSpecification> = {};
  for (const basemap of basemaps.filter(isRasterBasemap)) {
    const tianditu = basemap.kind.startsWith('tianditu');
    const common = { type: 'raster' as const, tileSize: 256, minzoom: tianditu ? 1 : 0, maxzoom: 18 };
    sources[sourceId(basemap)] = { ...common, tiles: basemap.tiles ?? [], attribution: basemap.attribution };
    const labelTiles = tiandituLabelTiles(basemap);
    if (labelTiles) sources[labelSourceId(basemap)] = { ...common, tiles: labelTiles };
  }
  return sources;
}

/** Layer ids of one basemap; an offline basemap is just the background. */
export function basemapLayerIds(basemap: Basemap): string[] {
  if (!isRasterBasemap(basemap)) return [];
  return tiandituLabelTiles(basemap) ? [sourceId(basemap), labelSourceId(basemap)] : [sourceId(basemap)];
}

export function basemapLayers(basemaps: Basemap[], activeId: string): LayerSpecification[] {
  const layers: LayerSpecification[] = [
    { id: BACKGROUND_LAYER, type: 'background', paint: { 'background-color': OFFLINE_BACKGROUND } },
  ];
  for (const basemap of basemaps) {
    for (const id of basemapLayerIds(basemap)) {
      layers.push({
        id,
        type: 'raster',
        source: id,
        layout: { visibility: basemap.id === activeId ? 'visible' : 'none' },
      });
    }
  }
  return layers;
}
