import { useEffect, useRef } from 'react';
import { useLoadedMap } from './map-context';
import { startMeasure, type MeasureGeometry, type MeasureKind, type MeasureSession } from './measure-draw';

export type { MeasureGeometry, MeasureKind };

export interface MeasureDrawingProps {
  /** null = not measuring (terra-draw stopped, map clicks are the page's again). */
  kind: MeasureKind | null;
  /** The shape being drawn, on every pointer move while drawing. */
  onChange(geometry: MeasureGeometry | null): void;
  /** Changing this number clears the drawn shape. */
  clearToken?: number;
}

/** Draws a measuring line or polygon with terra-draw; renders nothing itself. */
export function MeasureDrawing({ kind, onChange, clearToken = 0 }: MeasureDrawingProps) {
  const map = useLoadedMap();
  const session = useRef<MeasureSession | null>(null);
  const kindRef = useRef(kind);
  const report = useRef(onChange);
  report.current = onChange;
  const active = kind !== null;

  // Before the session effect, so a session starting in the same commit sees the new kind.
  useEffect(() => {
    if (kind && kindRef.current !== kind) session.current?.setKind(kind);
    kindRef.current = kind;
  }, [kind]);

  useEffect(() => {
    if (!map || !active) return;
    const current = startMeasure(map, kindRef.current ?? 'distance', (geometry) => report.current(geometry));
    session.current = current;
    return () => {
      current.stop();
      session.current = null;
      report.current(null);
    };
  }, [map, active]);

  useEffect(() => {
    if (clearToken) session.current?.clear();
  }, [clearToken]);

  return null;
}
