import type { ErrorEvent, Map as MapLibreMap } from 'maplibre-gl';

/**
 * Basemap tiles come from other hosts and fail whenever the network does (intranet, no key,
 * quota); that is reported to the user once instead of logged per tile. Any other map error is a
 * bug and stays on the console, where the browser tests look for it.
 */
export function watchTileErrors(map: MapLibreMap, onBasemapError: (sourceId: string) => void): () => void {
  const onError = (event: ErrorEvent & { sourceId?: string }) => {
    if (event.sourceId?.startsWith('basemap-')) onBasemapError(event.sourceId);
    else console.error(event.error);
  };
  map.on('error', onError);
  return () => map.off('error', onError);
}
