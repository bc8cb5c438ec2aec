import type { Map as MapLibreMap } from 'maplibre-gl';

declare global {
  interface Window {
    /** The live map, for browser tests (tests/e2e) and debugging from the console. */
    __obMap?: MapLibreMap;
    /** The two maps of a layer comparison while one is open: [left, right]. */
    __obCompareMaps?: MapLibreMap[];
  }
}

export function exposeMap(map: MapLibreMap): () => void {
  window.__obMap = map;
  return () => {
    if (window.__obMap === map) delete window.__obMap;
  };
}

export function exposeCompareMaps(maps: MapLibreMap[]): () => void {
  window.__obCompareMaps = maps;
  return () => {
    if (window.__obCompareMaps === maps) delete window.__obCompareMaps;
  };
}
