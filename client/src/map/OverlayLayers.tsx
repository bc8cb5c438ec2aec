import { useEffect } from 'react';
import { useLoadedMap } from './map-context';
import type { OverlayLayer } from './overlay.layers';
import { syncOverlays } from './overlay-sync';

export interface OverlayLayersProps {
  /** Visible thematic layers, bottom first. */
  overlays: OverlayLayer[];
}

/** Draws the given thematic layers from their vector tiles; renders nothing itself. */
export function OverlayLayers({ overlays }: OverlayLayersProps) {
  const map = useLoadedMap();
  useEffect(() => {
    if (map) syncOverlays(map, overlays);
  }, [map, overlays]);
  return null;
}
