import type { Map as MapLibreMap } from 'maplibre-gl';
import { updateLocationHash } from './hash-location';
import { parseHash, type MapViewState } from './view-hash';

export function currentView(map: MapLibreMap): MapViewState {
  const { lng, lat } = map.getCenter();
  return { center: [lng, lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
}

export function writeHash(map: MapLibreMap, basemapId: string): void {
  updateLocationHash({ view: currentView(map), basemapId });
}

/** Keeps the URL hash and the map view in step, both ways. */
export function syncViewHash(map: MapLibreMap, getBasemapId: () => string): () => void {
  const onMoveEnd = () => writeHash(map, getBasemapId());
  const onHashChange = () => {
    const { view } = parseHash(window.location.hash);
    if (view) map.jumpTo({ center: view.center, zoom: view.zoom, bearing: view.bearing, pitch: view.pitch });
  };
  map.on('moveend', onMoveEnd);
  window.addEventListener('hashchange', onHashChange);
  return () => {
    map.off('moveend', onMoveEnd);
    window.removeEventListener('hashchange', onHashChange);
  };
}
