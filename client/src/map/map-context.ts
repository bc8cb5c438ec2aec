import type { Map as MapLibreMap } from 'maplibre-gl';
import { createContext, useContext } from 'react';
import type { MapConfig } from '../api/api.types';
import type { RegionMapData } from './region-features';

/** The map MapView owns, shared with the components of this folder rendered inside it. */
export interface MapContextValue {
  /** Null until the style has loaded. */
  map: MapLibreMap | null;
  config: MapConfig;
  regions: RegionMapData;
  basemapId: string;
}

export const MapContext = createContext<MapContextValue | null>(null);

export function useMapContext(): MapContextValue {
  const value = useContext(MapContext);
  if (!value) throw new Error('map components must be rendered inside <MapView>');
  return value;
}

export const useLoadedMap = (): MapLibreMap | null => useMapContext().map;
