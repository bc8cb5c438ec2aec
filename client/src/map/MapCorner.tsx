import type { ControlPosition, IControl } from 'maplibre-gl';
import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useLoadedMap } from './map-context';

/** Renders its children as a MapLibre control in a corner of the map (stacked with the scale bar and the like). */
export function MapCorner({ position, children }: { position: ControlPosition; children: ReactNode }) {
  const map = useLoadedMap();
  const [element, setElement] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!map) return;
    const div = document.createElement('div');
    div.className = 'maplibregl-ctrl';
    const control: IControl = { onAdd: () => div, onRemove: () => div.remove() };
    map.addControl(control, position);
    setElement(div);
    return () => {
      setElement(null);
      // The map may already be removed (logout unmounts MapView first).
      if (map.style) map.removeControl(control);
    };
  }, [map, position]);
  return element ? createPortal(children, element) : null;
}
