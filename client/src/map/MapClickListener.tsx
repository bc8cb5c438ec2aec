import { useMapClick, type MapClick } from './use-map-click';

/** Reports clicks on the map while enabled; renders nothing itself. */
export function MapClickListener({ onClick, enabled = true }: { onClick: (click: MapClick) => void; enabled?: boolean }) {
  useMapClick(onClick, enabled);
  return null;
}
