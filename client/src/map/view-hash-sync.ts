import type { Map as MapLibreMap } from 'maplibre-gl';
import { formatHash, parseHash, type MapViewState } from './view-hash';

export function currentView(map: MapLibreMap): MapViewState {
  const { lng, lat } = map.getCenter();
  return { center: [lng, lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
}

export function writeHash(map: MapLibreMap, basemapId: string): void {
  const hash = formatHash(window.location.hash, { view: currentView(map), basemapId });
  if (hash === window.location.hash) return;
  // replaceState keeps the router's history entry (and its state); panning must not flood history.
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  window.history.replaceState(window.history.state, '', url);
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
