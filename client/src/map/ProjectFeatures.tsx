import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeoJSONSource, MapMouseEvent } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { HIGHLIGHT_BEFORE_ID } from './highlight.layers';
import { useLoadedMap } from './map-context';
import { PROJECT_SITES_SOURCE, PROJECT_SOURCE, projectLayerIds, projectLayers, projectSiteLayers } from './project.layers';
import type { MapClick } from './use-map-click';

const EARTH_CIRCUMFERENCE = 40075016.686;
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export interface ProjectFeaturesProps {
  /** The projects' sites; properties must hold a numeric id and a stage. */
  data: FeatureCollection<Polygon | MultiPolygon> | null;
  visible: boolean;
  /** Fill colour per stage. */
  colours: Record<string, string>;
  selectedId?: number | null;
  /** Clicks are taken only while enabled (not while drawing). */
  enabled: boolean;
  onSelect(id: number): void;
  /** A click that hit no project (identify takes it). */
  onMiss(click: MapClick): void;
}

/** The 重点项目 overlay: sites coloured by stage; a click on one selects it, any other click goes on to onMiss. */
export function ProjectFeatures({ data, visible, colours, selectedId = null, enabled, onSelect, onMiss }: ProjectFeaturesProps) {
  const map = useLoadedMap();
  const handlers = useRef({ onSelect, onMiss });
  handlers.current = { onSelect, onMiss };

  useEffect(() => {
    if (!map) return;
    map.addSource(PROJECT_SOURCE, { type: 'geojson', data: EMPTY });
    const before = map.getLayer(HIGHLIGHT_BEFORE_ID) ? HIGHLIGHT_BEFORE_ID : undefined;
    const layers = projectLayers(colours);
    for (const layer of layers) map.addLayer(layer, before);
    return () => {
      if (!map.style) return;
      for (const layer of layers) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
      if (map.getSource(PROJECT_SOURCE)) map.removeSource(PROJECT_SOURCE);
    };
  }, [map, colours]);

  useEffect(() => {
    if (!map) return;
    const selected = selectedId;
    const features = (data?.features ?? []).map((f) => ({ ...f, properties: { ...f.properties, selected: f.properties?.id === selected } }));
    map.getSource<GeoJSONSource>(PROJECT_SOURCE)?.setData({ type: 'FeatureCollection', features });
  }, [map, data, selectedId, colours]);

  useEffect(() => {
    if (!map) return;
    for (const id of Object.values(projectLayerIds)) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  }, [map, visible, colours]);

  useEffect(() => {
    if (!map || !enabled) return;
    const click = (e: MapMouseEvent) => {
      const hit = visible && map.getLayer(projectLayerIds.fill) ? map.queryRenderedFeatures(e.point, { layers: [projectLayerIds.fill] })[0] : undefined;
      const id = hit?.properties?.id;
      if (typeof id === 'number') return handlers.current.onSelect(id);
      const { lng, lat } = e.lngLat;
      handlers.current.onMiss({ lon: lng, lat, metresPerPixel: (EARTH_CIRCUMFERENCE * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** map.getZoom()) });
    };
    const enter = () => (map.getCanvas().style.cursor = 'pointer');
    const leave = () => (map.getCanvas().style.cursor = '');
    map.on('click', click);
    map.on('mouseenter', projectLayerIds.fill, enter);
    map.on('mouseleave', projectLayerIds.fill, leave);
    return () => {
      map.off('click', click);
      map.off('mouseenter', projectLayerIds.fill, enter);
      map.off('mouseleave', projectLayerIds.fill, leave);
    };
  }, [map, enabled, visible]);
  return null;
}

/** Outlines of a project's site versions: the earlier dashed, the current solid; an empty list clears. */
export function ProjectSiteVersions({ previous, current }: { previous: (Polygon | MultiPolygon)[]; current: Polygon | MultiPolygon | null }) {
  const map = useLoadedMap();
  useEffect(() => {
    if (!map) return;
    map.addSource(PROJECT_SITES_SOURCE, { type: 'geojson', data: EMPTY });
    const before = map.getLayer(HIGHLIGHT_BEFORE_ID) ? HIGHLIGHT_BEFORE_ID : undefined;
    for (const layer of projectSiteLayers) map.addLayer(layer, before);
    return () => {
      if (!map.style) return;
      for (const layer of projectSiteLayers) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
      if (map.getSource(PROJECT_SITES_SOURCE)) map.removeSource(PROJECT_SITES_SOURCE);
    };
  }, [map]);
  useEffect(() => {
    const features = [
      ...previous.map((geometry) => ({ type: 'Feature' as const, properties: { current: false }, geometry })),
      ...(current ? [{ type: 'Feature' as const, properties: { current: true }, geometry: current }] : []),
    ];
    map?.getSource<GeoJSONSource>(PROJECT_SITES_SOURCE)?.setData({ type: 'FeatureCollection', features });
  }, [map, previous, current]);
  return null;
}
