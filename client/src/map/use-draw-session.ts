import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, type RefObject } from 'react';
import { useLoadedMap } from './map-context';

/**
 * Runs a terra-draw session while `active` (started on the loaded map, stopped when inactive or
 * unmounted; `onEnd` then reports that nothing is drawn). `start` is read when the session starts.
 */
export function useDrawSession<S extends { stop(): void }>(active: boolean, start: (map: MapLibreMap) => S, onEnd: () => void): RefObject<S | null> {
  const map = useLoadedMap();
  const session = useRef<S | null>(null);
  const latest = useRef({ start, onEnd });
  latest.current = { start, onEnd };
  useEffect(() => {
    if (!map || !active) return;
    const current = latest.current.start(map);
    session.current = current;
    return () => {
      // On logout MapView removes the map before its children's effects are cleaned up: nothing left to stop.
      if (map.style) current.stop();
      session.current = null;
      latest.current.onEnd();
    };
  }, [map, active]);
  return session;
}
