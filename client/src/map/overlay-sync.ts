import type { Map as MapLibreMap } from 'maplibre-gl';
import { HIGHLIGHT_BEFORE_ID } from './highlight.layers';
import { overlayLayerSpecs, overlayOpacityPaint, overlaySource, overlaySourceId, type OverlayLayer } from './overlay.layers';

const visibleIds = new WeakMap<MapLibreMap, Set<string>>();

/**
 * Makes the map draw exactly `overlays`, bottom first, between the region frame and the highlight
 * and labels. Sources of layers turned off stay (hidden), so turning them on again is instant.
 */
export function syncOverlays(map: MapLibreMap, overlays: OverlayLayer[]): void {
  const origin = window.location.origin;
  const beforeId = map.getLayer(HIGHLIGHT_BEFORE_ID) ? HIGHLIGHT_BEFORE_ID : undefined;
  const wanted = new Set<string>();
  for (const overlay of overlays) {
    const sourceId = overlaySourceId(overlay.key);
    if (!map.getSource(sourceId)) map.addSource(sourceId, overlaySource(overlay, origin));
    for (const spec of overlayLayerSpecs(overlay)) {
      wanted.add(spec.id);
      if (!map.getLayer(spec.id)) map.addLayer(spec, beforeId);
      else {
        map.moveLayer(spec.id, beforeId);
        map.setLayoutProperty(spec.id, 'visibility', 'visible');
      }
    }
    for (const { id, property, value } of overlayOpacityPaint(overlay)) map.setPaintProperty(id, property, value);
  }
  for (const id of visibleIds.get(map) ?? []) {
    if (!wanted.has(id) && map.getLayer(id)) map.setLayoutProperty(id, 'visibility', 'none');
  }
  visibleIds.set(map, wanted);
}
