import type { MultiPolygon, Polygon } from 'geojson';
import { Marker, type GeoJSONSource, type MapLayerMouseEvent } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { CANDIDATE_SOURCE, candidateLayerIds, candidateLayers, labelPoint } from './candidate.layers';
import { HIGHLIGHT_BEFORE_ID } from './highlight.layers';
import { useLoadedMap } from './map-context';

export interface CandidateSite {
  id: number;
  rank: number;
  geometry: Polygon | MultiPolygon;
}

export interface CandidateSitesProps {
  sites: CandidateSite[];
  selectedId?: number | null;
  /** A click on a drawn candidate. */
  onSelect?(id: number): void;
}

/** Draws recommended sites, numbered by rank (DOM markers: the style has no glyphs for digits); below the highlight. */
export function CandidateSites({ sites, selectedId = null, onSelect }: CandidateSitesProps) {
  const map = useLoadedMap();
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    if (!map) return;
    map.addSource(CANDIDATE_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    const before = map.getLayer(HIGHLIGHT_BEFORE_ID) ? HIGHLIGHT_BEFORE_ID : undefined;
    for (const layer of candidateLayers) map.addLayer(layer, before);
    const click = (e: MapLayerMouseEvent) => {
      const id = e.features?.[0]?.properties?.id;
      if (typeof id === 'number') onSelectRef.current?.(id);
    };
    const enter = () => (map.getCanvas().style.cursor = 'pointer');
    const leave = () => (map.getCanvas().style.cursor = '');
    map.on('click', candidateLayerIds.fill, click);
    map.on('mouseenter', candidateLayerIds.fill, enter);
    map.on('mouseleave', candidateLayerIds.fill, leave);
    return () => {
      map.off('click', candidateLayerIds.fill, click);
      map.off('mouseenter', candidateLayerIds.fill, enter);
      map.off('mouseleave', candidateLayerIds.fill, leave);
      // The map may already be removed (logout unmounts MapView first).
      if (!map.style) return;
      for (const layer of candidateLayers) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
      if (map.getSource(CANDIDATE_SOURCE)) map.removeSource(CANDIDATE_SOURCE);
    };
  }, [map]);

  useEffect(() => {
    map?.getSource<GeoJSONSource>(CANDIDATE_SOURCE)?.setData({
      type: 'FeatureCollection',
      features: sites.map((s) => ({ type: 'Feature', id: s.id, properties: { id: s.id, rank: s.rank, selected: s.id === selectedId }, geometry: s.geometry })),
    });
    if (!map) return;
    const markers = sites.map((s) => {
      const el = document.createElement('div');
      el.className = `candidate-marker${s.id === selectedId ? ' candidate-marker-selected' : ''}`;
      el.textContent = String(s.rank);
      el.dataset.testid = `candidate-marker-${s.rank}`;
      el.title = `第 ${s.rank} 名候选选址`;
      el.addEventListener('click', (e) => {
        e.stopPropagation();
        onSelectRef.current?.(s.id);
      });
      return new Marker({ element: el }).setLngLat(labelPoint(s.geometry)).addTo(map);
    });
    return () => markers.forEach((m) => m.remove());
  }, [map, sites, selectedId]);
  return null;
}
