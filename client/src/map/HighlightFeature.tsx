import type { FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import { useEffect } from 'react';
import { HIGHLIGHT_SOURCE } from './highlight.layers';
import { useLoadedMap } from './map-context';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Outlines geometries above the thematic layers (the identified feature, a finding's features); null clears. */
export function HighlightFeature({ geometry }: { geometry: Geometry | Geometry[] | null }) {
  const map = useLoadedMap();
  useEffect(() => {
    const source = map?.getSource<GeoJSONSource>(HIGHLIGHT_SOURCE);
    if (!source) return;
    const list = geometry === null ? [] : Array.isArray(geometry) ? geometry : [geometry];
    source.setData({ type: 'FeatureCollection', features: list.map((g) => ({ type: 'Feature', properties: {}, geometry: g })) });
    return () => void source.setData(EMPTY);
  }, [map, geometry]);
  return null;
}
