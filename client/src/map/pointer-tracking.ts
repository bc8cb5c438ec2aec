import type { MapGeoJSONFeature, MapMouseEvent, Map as MapLibreMap } from 'maplibre-gl';
import { REGION_SOURCE, regionLayerIds } from './region.layers';

export interface PointerInfo {
  lon: number;
  lat: number;
  county: string | null;
  zone: string | null;
}

/** Reports the pointer position and the regions under it, and highlights the hovered county. */
export function trackPointer(map: MapLibreMap, onChange: (info: PointerInfo | null) => void): () => void {
  let hoveredCode: string | null = null;

  const setHover = (code: string | null) => {
    if (code === hoveredCode) return;
    if (hoveredCode) map.setFeatureState({ source: REGION_SOURCE, id: hoveredCode }, { hover: false });
    if (code) map.setFeatureState({ source: REGION_SOURCE, id: code }, { hover: true });
    hoveredCode = code;
  };

  const nameOf = (features: MapGeoJSONFeature[], layer: string) =>
    (features.find((f) => f.layer.id === layer)?.properties?.name as string | undefined) ?? null;

  const onMove = (event: MapMouseEvent) => {
    const layers = [regionLayerIds.countyFill, regionLayerIds.zoneFill].filter((id) => map.getLayer(id));
    const features = layers.length ? map.queryRenderedFeatures(event.point, { layers }) : [];
    const county = features.find((f) => f.layer.id === regionLayerIds.countyFill);
    setHover(county ? String(county.id) : null);
    onChange({
      lon: event.lngLat.lng,
      lat: event.lngLat.lat,
      county: nameOf(features, regionLayerIds.countyFill),
      zone: nameOf(features, regionLayerIds.zoneFill),
    });
  };
  const onOut = () => {
    setHover(null);
    onChange(null);
  };

  map.on('mousemove', onMove);
  map.on('mouseout', onOut);
  return () => {
    map.off('mousemove', onMove);
    map.off('mouseout', onOut);
  };
}
