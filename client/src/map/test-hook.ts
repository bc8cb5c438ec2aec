import type { Map as MapLibreMap } from 'maplibre-gl';

declare global {
  interface Window {
    /** The live map, for browser tests (tests/e2e) and debugging from the console. */
    __obMap?: MapLibreMap;
  }
}

export function exposeMap(map: MapLibreMap): () => void {
  window.__obMap = map;
  return () => {
    if (window.__obMap === map) delete window.__obMap;
  };
}
