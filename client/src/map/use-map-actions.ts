import { useMemo } from 'react';
import { useLoadedMap } from './map-context';

export interface MapActions {
  /** Fits [west, south, east, north] into the view. */
  fitBounds(bbox: [number, number, number, number], options?: { maxZoom?: number }): void;
}

export function useMapActions(): MapActions | null {
  const map = useLoadedMap();
  return useMemo(
    () =>
      map && {
        fitBounds: (bbox, options) => {
          map.fitBounds(bbox, { padding: 48, maxZoom: options?.maxZoom ?? 15, duration: 700 });
        },
      },
    [map],
  );
}
