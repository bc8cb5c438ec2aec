import type { GeoJSONSource, MapLayerMouseEvent } from 'maplibre-gl';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { useEffect, useMemo, useRef } from 'react';
import { CHOROPLETH_BEFORE_ID, CHOROPLETH_SOURCE, choroplethLayerIds, choroplethLayers } from './choropleth.layers';
import { useMapContext } from './map-context';

export interface CountyChoroplethProps {
  /** Fill colour per county code; counties left out are not drawn. Null draws nothing (layer off). */
  fills: Record<string, string> | null;
  /** Text shown as the tooltip of a county (its name and figure). */
  titles?: Record<string, string>;
}

interface ChoroplethProperties {
  code: string;
  name: string;
  colour: string;
  title: string;
}

/** Colours the county polygons of the regions the map already holds; renders nothing itself. */
export function CountyChoropleth({ fills, titles }: CountyChoroplethProps) {
  const { map, regions } = useMapContext();
  const titlesRef = useRef(titles);
  titlesRef.current = titles;

  const data = useMemo<FeatureCollection<MultiPolygon, ChoroplethProperties>>(
    () => ({
      type: 'FeatureCollection',
      features: fills
        ? regions.areas.features
            .filter((f) => f.properties.level === 'county' && fills[f.properties.code])
            .map((f, i) => ({
              type: 'Feature',
              id: i + 1,
              geometry: f.geometry,
              properties: { code: f.properties.code, name: f.properties.name, colour: fills[f.properties.code]!, title: titles?.[f.properties.code] ?? f.properties.name },
            }))
        : [],
    }),
    [regions, fills, titles],
  );

  useEffect(() => {
    if (!map) return;
    map.addSource(CHOROPLETH_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    const before = map.getLayer(CHOROPLETH_BEFORE_ID) ? CHOROPLETH_BEFORE_ID : undefined;
    for (const layer of choroplethLayers) map.addLayer(layer, before);
    let hovered: number | string | undefined;
    const setHover = (id: number | string | undefined) => {
      if (hovered !== undefined) map.setFeatureState({ source: CHOROPLETH_SOURCE, id: hovered }, { hover: false });
      hovered = id;
      if (id !== undefined) map.setFeatureState({ source: CHOROPLETH_SOURCE, id }, { hover: true });
    };
    const move = (e: MapLayerMouseEvent) => {
      const f = e.features?.[0];
      setHover(f?.id);
      map.getCanvas().title = typeof f?.properties?.title === 'string' ? f.properties.title : '';
    };
    const leave = () => {
      setHover(undefined);
      map.getCanvas().title = '';
    };
    map.on('mousemove', choroplethLayerIds.fill, move);
    map.on('mouseleave', choroplethLayerIds.fill, leave);
    return () => {
      map.off('mousemove', choroplethLayerIds.fill, move);
      map.off('mouseleave', choroplethLayerIds.fill, leave);
      // The map may already be removed (logout unmounts MapView first).
      if (!map.style) return;
      for (const layer of choroplethLayers) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
      if (map.getSource(CHOROPLETH_SOURCE)) map.removeSource(CHOROPLETH_SOURCE);
    };
  }, [map]);

  useEffect(() => {
    map?.getSource<GeoJSONSource>(CHOROPLETH_SOURCE)?.setData(data);
  }, [map, data]);
  return null;
}
