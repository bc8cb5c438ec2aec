import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { App } from 'antd';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { MapConfig, RegionCollection } from '../api/api.types';
import { applyBasemap, initialBasemapId } from './basemap-switch';
import { BasemapSwitcher } from './BasemapSwitcher';
import { createMap } from './create-map';
import { MapContext, type MapContextValue } from './map-context';
import { MapLegend } from './MapLegend';
import { MapStatusBar } from './MapStatusBar';
import { trackPointer, type PointerInfo } from './pointer-tracking';
import { toRegionMapData } from './region-features';
import { REGION_LABEL_SOURCE, REGION_SOURCE } from './region.layers';
import { exposeMap } from './test-hook';
import { watchTileErrors } from './tile-errors';
import { parseHash } from './view-hash';
import { syncViewHash, writeHash } from './view-hash-sync';
import './map.css';

export interface MapViewProps {
  config: MapConfig;
  regions: RegionCollection;
  /** Overlays drawn over the map's top-left corner (module panels, badges). */
  children?: ReactNode;
  /** A panel left of the map (the layer tree); inside the map context like everything here. */
  sidebar?: ReactNode;
  /** Panels over the map's top-right corner, below the zoom buttons (identify, measure). */
  topRight?: ReactNode;
  /** Drawn over the whole map area (a layer comparison). */
  cover?: ReactNode;
}

/** The one component that owns the MapLibre map; everything else talks to it in GeoJSON. */
export function MapView({ config, regions, children, sidebar, topRight, cover }: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const regionData = useMemo(() => toRegionMapData(regions), [regions]);
  const [basemapId, setBasemapId] = useState(() => initialBasemapId(config.basemaps, parseHash(window.location.hash).basemapId));
  const basemapRef = useRef(basemapId);
  const [pointer, setPointer] = useState<PointerInfo | null>(null);
  const [zoom, setZoom] = useState<number | null>(null);
  const [loadedMap, setLoadedMap] = useState<MapLibreMap | null>(null);
  const { message } = App.useApp();
  // One warning per basemap choice, not one per failed tile.
  const warnedRef = useRef<string | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = createMap({ container, config, regions: regionData, basemapId: basemapRef.current, view: parseHash(window.location.hash).view });
    mapRef.current = map;
    const onZoom = () => setZoom(map.getZoom());
    map.on('zoom', onZoom);
    map.once('load', () => {
      setLoadedMap(map);
      onZoom();
      writeHash(map, basemapRef.current);
    });
    const onBasemapError = () => {
      if (warnedRef.current === basemapRef.current) return;
      warnedRef.current = basemapRef.current;
      const name = config.basemaps.find((b) => b.id === basemapRef.current)?.name ?? '在线底图';
      message.warning({ content: `「${name}」加载失败：请检查网络连接或底图服务配置，也可切换到离线底图。`, duration: 8 });
    };
    const cleanups = [
      exposeMap(map),
      syncViewHash(map, () => basemapRef.current),
      trackPointer(map, setPointer),
      watchTileErrors(map, onBasemapError),
    ];
    return () => {
      cleanups.forEach((cleanup) => cleanup());
      mapRef.current = null;
      setLoadedMap(null);
      map.remove();
    };
    // The map is built once per config; region data changes go through setData below.
  }, [config]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    map.getSource<GeoJSONSource>(REGION_SOURCE)?.setData(regionData.areas);
    map.getSource<GeoJSONSource>(REGION_LABEL_SOURCE)?.setData(regionData.labels);
  }, [regionData]);

  const changeBasemap = (id: string) => {
    basemapRef.current = id;
    warnedRef.current = null;
    setBasemapId(id);
    const map = mapRef.current;
    if (!map) return;
    const apply = () => {
      applyBasemap(map, config.basemaps, id);
      writeHash(map, id);
    };
    if (map.isStyleLoaded()) apply();
    else map.once('load', apply);
  };

  const context = useMemo<MapContextValue>(() => ({ map: loadedMap, config, regions: regionData, basemapId }), [loadedMap, config, regionData, basemapId]);

  return (
    <MapContext.Provider value={context}>
      <div className="map-frame">
        <div className="map-body">
          {sidebar}
          <div className="map-stage">
            <div ref={containerRef} className="map-container" data-testid="map" />
            <div className="map-overlay map-overlay-top-left">
              <BasemapSwitcher basemaps={config.basemaps} value={basemapId} onChange={changeBasemap} />
              {children}
            </div>
            {topRight && <div className="map-overlay map-overlay-top-right">{topRight}</div>}
            <div className="map-overlay map-overlay-bottom-right">
              <MapLegend />
            </div>
            {cover && <div className="map-cover">{cover}</div>}
          </div>
        </div>
        <MapStatusBar pointer={pointer} zoom={zoom} />
      </div>
    </MapContext.Provider>
  );
}
