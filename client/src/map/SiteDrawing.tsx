import type { Polygon } from 'geojson';
import { useEffect, useRef } from 'react';
import { startSiteDraw, type SiteDrawMode, type SiteDrawSession, type SiteRefusal } from './site-draw';
import { useDrawSession } from './use-draw-session';

export type { SiteDrawMode, SiteDrawSession, SiteRefusal };

export interface SiteDrawingProps {
  /** null = not drawing (terra-draw stopped). */
  mode: SiteDrawMode | null;
  /** The site as drawn or edited, and the mode terra-draw is in (it turns to 'edit' after a shape is finished). */
  onChange(geometry: Polygon | null, mode: SiteDrawMode): void;
  onHistory?(state: { canUndo: boolean; canRedo: boolean }): void;
  onRefused?(reason: SiteRefusal): void;
  /** The running session (undo, redo, clear, setSite…), null when stopped. */
  onSession?(session: SiteDrawSession | null): void;
  /** Snap to vertices and edges of the visible layers (default on). */
  snapping?: boolean;
}

/** Draws one site polygon with terra-draw; renders nothing itself. */
export function SiteDrawing({ mode, onChange, onHistory, onRefused, onSession, snapping = true }: SiteDrawingProps) {
  const modeRef = useRef(mode);
  const handlers = useRef({ onChange, onHistory, onRefused, onSession });
  handlers.current = { onChange, onHistory, onRefused, onSession };
  const snappingRef = useRef(snapping);
  snappingRef.current = snapping;

  const session = useDrawSession(
    mode !== null,
    (map) => {
      const started = startSiteDraw(map, modeRef.current ?? 'polygon', {
        change: (geometry, m) => {
          modeRef.current = m;
          handlers.current.onChange(geometry, m);
        },
        history: (state) => handlers.current.onHistory?.(state),
        refused: (reason) => handlers.current.onRefused?.(reason),
      });
      started.setSnapping(snappingRef.current);
      handlers.current.onSession?.(started);
      return started;
    },
    () => {
      handlers.current.onSession?.(null);
      handlers.current.onChange(null, 'polygon');
      handlers.current.onHistory?.({ canUndo: false, canRedo: false });
    },
  );

  // Declared after the session effect: a mode change in the same commit reaches the running session.
  useEffect(() => {
    if (mode && modeRef.current !== mode) session.current?.setMode(mode);
    modeRef.current = mode;
  }, [mode, session]);

  useEffect(() => session.current?.setSnapping(snapping), [snapping, session]);

  return null;
}
