import type { Polygon } from 'geojson';
import { useEffect, useRef } from 'react';
import { useLoadedMap } from './map-context';
import { startSiteDraw, type SiteDrawMode, type SiteDrawSession } from './site-draw';

export type { SiteDrawMode };

export interface SiteDrawingProps {
  /** null = not drawing (terra-draw stopped). */
  mode: SiteDrawMode | null;
  /** The site as drawn or edited, and the mode terra-draw is in (it turns to 'edit' after a shape is finished). */
  onChange(geometry: Polygon | null, mode: SiteDrawMode): void;
  /** Changing this number clears the drawn site. */
  clearToken?: number;
}

/** Draws one site polygon with terra-draw; renders nothing itself. */
export function SiteDrawing({ mode, onChange, clearToken = 0 }: SiteDrawingProps) {
  const map = useLoadedMap();
  const session = useRef<SiteDrawSession | null>(null);
  const modeRef = useRef(mode);
  const report = useRef(onChange);
  report.current = onChange;
  const active = mode !== null;

  useEffect(() => {
    if (mode && modeRef.current !== mode) session.current?.setMode(mode);
    modeRef.current = mode;
  }, [mode]);

  useEffect(() => {
    if (!map || !active) return;
    const current = startSiteDraw(map, modeRef.current ?? 'polygon', (geometry, m) => {
      modeRef.current = m;
      report.current(geometry, m);
    });
    session.current = current;
    return () => {
      current.stop();
      session.current = null;
      report.current(null, 'polygon');
    };
  }, [map, active]);

  useEffect(() => {
    if (clearToken) session.current?.clear();
  }, [clearToken]);

  return null;
}
