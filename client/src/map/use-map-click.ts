import type { MapMouseEvent } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { useLoadedMap } from './map-context';

export interface MapClick {
  lon: number;
  lat: number;
  /** Ground metres per CSS pixel at the clicked point: turns a pointer tolerance into a search radius. */
  metresPerPixel: number;
}

const EARTH_CIRCUMFERENCE = 40075016.686;

/** Calls `onClick` with the clicked lon/lat while `enabled`. */
export function useMapClick(onClick: (click: MapClick) => void, enabled = true): void {
  const map = useLoadedMap();
  const handler = useRef(onClick);
  handler.current = onClick;
  useEffect(() => {
    if (!map || !enabled) return;
    const listener = (event: MapMouseEvent) => {
      const { lng, lat } = event.lngLat;
      const metresPerPixel = (EARTH_CIRCUMFERENCE * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** map.getZoom());
      handler.current({ lon: lng, lat, metresPerPixel });
    };
    map.on('click', listener);
    return () => void map.off('click', listener);
  }, [map, enabled]);
}
