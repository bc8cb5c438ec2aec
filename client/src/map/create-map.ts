import './maplibre-setup';
import { AttributionControl, Map as MapLibreMap, NavigationControl, ScaleControl } from 'maplibre-gl';
import type { MapConfig } from '../api/api.types';
import { zhCNMapLocale } from './map-locale';
import { buildMapStyle } from './map-style';
import type { RegionMapData } from './region-features';
import type { MapViewState } from './view-hash';

export interface CreateMapOptions {
  container: HTMLElement;
  config: MapConfig;
  regions: RegionMapData;
  basemapId: string;
  view: MapViewState | null;
}

// Fonts the browser already has; MapLibre rasterises CJK labels with them instead of fetching glyphs.
const LOCAL_CJK_FONTS = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif';

export function createMap({ container, config, regions, basemapId, view }: CreateMapOptions): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style: buildMapStyle(config.basemaps, basemapId, regions),
    center: view?.center ?? config.center,
    zoom: view?.zoom ?? config.zoom,
    bearing: view?.bearing ?? 0,
    pitch: view?.pitch ?? 0,
    minZoom: 4,
    maxZoom: 18,
    locale: zhCNMapLocale,
    localIdeographFontFamily: LOCAL_CJK_FONTS,
    attributionControl: false,
  });
  map.addControl(new NavigationControl({ visualizePitch: true }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
  map.addControl(new AttributionControl({ compact: true }), 'bottom-right');
  return map;
}
