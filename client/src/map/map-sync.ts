import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Keeps maps on the same view: whichever of `leaders` the user moves, the others (and the
 * `followers`) jump along. One guard flag stops the jumps from echoing back.
 */
export function syncMaps(leaders: MapLibreMap[], followers: MapLibreMap[] = []): () => void {
  let syncing = false;
  const listeners = leaders.map((source) => {
    const listener = () => {
      if (syncing) return;
      syncing = true;
      const view = { center: source.getCenter(), zoom: source.getZoom(), bearing: source.getBearing(), pitch: source.getPitch() };
      for (const target of [...leaders, ...followers]) if (target !== source) target.jumpTo(view);
      syncing = false;
    };
    source.on('move', listener);
    return () => void source.off('move', listener);
  });
  return () => listeners.forEach((off) => off());
}
