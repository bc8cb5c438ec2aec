import { useEffect, useRef } from 'react';
import { startMeasure, type MeasureGeometry, type MeasureKind } from './measure-draw';
import { useDrawSession } from './use-draw-session';

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
  const kindRef = useRef(kind);
  const report = useRef(onChange);
  report.current = onChange;

  const session = useDrawSession(
    kind !== null,
    (map) => startMeasure(map, kindRef.current ?? 'distance', (geometry) => report.current(geometry)),
    () => report.current(null),
  );

  useEffect(() => {
    if (kind && kindRef.current !== kind) session.current?.setKind(kind);
    kindRef.current = kind;
  }, [kind, session]);

  useEffect(() => {
    if (clearToken) session.current?.clear();
  }, [clearToken, session]);

  return null;
}
