import { useEffect, useState } from 'react';
import { useLoadedMap } from './map-context';

/** The map's zoom, updated when a zoom ends (not on every frame); null before the map has loaded. */
export function useMapZoom(): number | null {
  const map = useLoadedMap();
  const [zoom, setZoom] = useState<number | null>(null);
  useEffect(() => {
    if (!map) return;
    const update = () => setZoom(map.getZoom());
    update();
    map.on('zoomend', update);
    return () => void map.off('zoomend', update);
  }, [map]);
  return zoom;
}
