import type { Map as MapLibreMap } from 'maplibre-gl';
import { Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { createMap } from './create-map';
import { useMapContext } from './map-context';
import { syncMaps } from './map-sync';
import type { OverlayLayer } from './overlay.layers';
import { syncOverlays } from './overlay-sync';
import { exposeCompareMaps } from './test-hook';
import { watchTileErrors } from './tile-errors';
import { currentView } from './view-hash-sync';
import { SwipeDivider } from './SwipeDivider';

export type CompareMode = 'swipe' | 'side';

export interface CompareSide {
  name: string;
  overlay: OverlayLayer;
}

export interface CompareMapsProps {
  left: CompareSide;
  right: CompareSide;
  mode: CompareMode;
}

/**
 * Two synchronised maps over the main one, each drawing one layer: side by side, or stacked with
 * the right map clipped at a draggable divider (swipe). The main map follows, so the URL keeps the view.
 */
export function CompareMaps({ left, right, mode }: CompareMapsProps) {
  const { map: mainMap, config, regions, basemapId } = useMapContext();
  const leftRef = useRef<HTMLDivElement>(null);
  const rightRef = useRef<HTMLDivElement>(null);
  const [maps, setMaps] = useState<[MapLibreMap, MapLibreMap] | null>(null);
  const [split, setSplit] = useState(0.5);

  useEffect(() => {
    if (!mainMap || !leftRef.current || !rightRef.current) return;
    const view = currentView(mainMap);
    const created = [leftRef.current, rightRef.current].map((container) => createMap({ container, config, regions, basemapId, view })) as [
      MapLibreMap,
      MapLibreMap,
    ];
    const cleanups = [syncMaps(created, [mainMap]), exposeCompareMaps(created), ...created.map((m) => watchTileErrors(m, () => undefined))];
    let loaded = 0;
    for (const m of created) {
      m.once('load', () => {
        loaded += 1;
        if (loaded === created.length) setMaps(created);
      });
    }
    return () => {
      cleanups.forEach((cleanup) => cleanup());
      setMaps(null);
      created.forEach((m) => m.remove());
    };
    // Built once per compare session; layer changes are applied below.
  }, [mainMap, config, regions, basemapId]);

  useEffect(() => {
    if (!maps) return;
    syncOverlays(maps[0], [left.overlay]);
    syncOverlays(maps[1], [right.overlay]);
  }, [maps, left.overlay, right.overlay]);

  const clip = mode === 'swipe' ? { clipPath: `inset(0 0 0 ${split * 100}%)` } : undefined;
  return (
    <div className={`compare-maps compare-${mode}`} data-testid="compare-maps" data-mode={mode}>
      <div ref={leftRef} className="compare-pane compare-pane-left" data-testid="compare-left" />
      <div ref={rightRef} className="compare-pane compare-pane-right" style={clip} data-testid="compare-right" />
      {mode === 'swipe' && <SwipeDivider value={split} onChange={setSplit} />}
      <div className="compare-label compare-label-left">
        <Tag color="blue">左</Tag>
        {left.name}
      </div>
      <div className="compare-label compare-label-right">
        <Tag color="purple">右</Tag>
        {right.name}
      </div>
    </div>
  );
}
