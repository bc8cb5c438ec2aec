import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import { useEffect } from 'react';
import { HIGHLIGHT_SOURCE } from './highlight.layers';
import { useLoadedMap } from './map-context';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Outlines one geometry above the thematic layers (the identified feature); null clears it. */
export function HighlightFeature({ geometry }: { geometry: Geometry | null }) {
  const map = useLoadedMap();
  useEffect(() => {
    const source = map?.getSource<GeoJSONSource>(HIGHLIGHT_SOURCE);
    if (!source) return;
    const feature: Feature = { type: 'Feature', properties: {}, geometry: geometry as Geometry };
    source.setData(geometry ? { type: 'FeatureCollection', features: [feature] } : EMPTY);
    return () => void source.setData(EMPTY);
  }, [map, geometry]);
  return null;
}
