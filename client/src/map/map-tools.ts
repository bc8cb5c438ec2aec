import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useMemo } from 'react';
import { useLoadedMap } from './map-context';
import { overlayKeyOfSource } from './overlay.layers';
import { snapshotMap, type MapSnapshot, type SnapshotOptions } from './map-snapshot';
import { clearPreview, hasPreview, showPreview, type ShowPreviewOptions } from './preview-layer';

/**
 * What module panels (import, export, print) may do with the live map, in GeoJSON and plain
 * numbers, so that they never touch maplibre-gl themselves.
 */
export interface MapTools {
  showPreview(collection: FeatureCollection, options?: ShowPreviewOptions): void;
  clearPreview(): void;
  hasPreview(): boolean;
  snapshot(options?: SnapshotOptions): Promise<MapSnapshot>;
  /** [west, south, east, north] of what the map shows now. */
  viewBounds(): [number, number, number, number];
  /** Keys of the thematic layers drawn now, bottom first (for the print legend). */
  visibleLayerKeys(): string[];
}

function toolsFor(map: MapLibreMap): MapTools {
  return {
    showPreview: (collection, options) => showPreview(map, collection, options),
    clearPreview: () => clearPreview(map),
    hasPreview: () => hasPreview(map),
    snapshot: (options) => snapshotMap(map, options),
    viewBounds: () => {
      const b = map.getBounds();
      return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    },
    visibleLayerKeys: () => {
      const layers = map.getStyle()?.layers ?? [];
      const keys = layers
        .filter((l) => 'source' in l && l.layout?.visibility !== 'none')
        .map((l) => overlayKeyOfSource((l as { source: string }).source))
        .filter((key): key is string => key !== null);
      return [...new Set(keys)];
    },
  };
}

/** The tools of the page's map, or null until its style has loaded (inside <MapView> only). */
export function useMapTools(): MapTools | null {
  const map = useLoadedMap();
  return useMemo(() => (map ? toolsFor(map) : null), [map]);
}
