import type { Geometry } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import { useEffect } from 'react';
import { CONFLICT_SOURCE, conflictLayers } from './conflict.layers';
import { HIGHLIGHT_BEFORE_ID } from './highlight.layers';
import { useLoadedMap } from './map-context';

/** Outlines in red the features a site conflicts with; below the highlight and the drawn site. */
export function ConflictOutlines({ geometries }: { geometries: Geometry[] }) {
  const map = useLoadedMap();
  useEffect(() => {
    if (!map) return;
    map.addSource(CONFLICT_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    const before = map.getLayer(HIGHLIGHT_BEFORE_ID) ? HIGHLIGHT_BEFORE_ID : undefined;
    for (const layer of conflictLayers) map.addLayer(layer, before);
    return () => {
      // The map may already be removed (logout unmounts MapView first).
      if (!map.style) return;
      for (const layer of conflictLayers) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
      if (map.getSource(CONFLICT_SOURCE)) map.removeSource(CONFLICT_SOURCE);
    };
  }, [map]);
  useEffect(() => {
    map?.getSource<GeoJSONSource>(CONFLICT_SOURCE)?.setData({ type: 'FeatureCollection', features: geometries.map((g) => ({ type: 'Feature', properties: {}, geometry: g })) });
  }, [map, geometries]);
  return null;
}
