import { useRef, type PointerEvent as ReactPointerEvent, type KeyboardEvent } from 'react';

export interface SwipeDividerProps {
  /** Position as a share of the width, 0–1. */
  value: number;
  onChange: (value: number) => void;
}

const clamp = (n: number) => Math.min(0.98, Math.max(0.02, n));

/** The vertical bar of the swipe comparison: drag it, or use the arrow keys when focused. */
export function SwipeDivider({ value, onChange }: SwipeDividerProps) {
  const dragging = useRef(false);

  const moveTo = (event: ReactPointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.parentElement?.getBoundingClientRect();
    if (box && box.width > 0) onChange(clamp((event.clientX - box.left) / box.width));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowLeft') onChange(clamp(value - 0.02));
    if (event.key === 'ArrowRight') onChange(clamp(value + 0.02));
  };

  return (
    <div
      className="swipe-divider"
      data-testid="swipe-divider"
      role="slider"
      aria-label="卷帘位置"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(value * 100)}
      tabIndex={0}
      style={{ left: `${value * 100}%` }}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        dragging.current = true;
        event.currentTarget.setPointerCapture(event.pointerId);
      }}
      onPointerMove={(event) => {
        if (dragging.current) moveTo(event);
      }}
      onPointerUp={(event) => {
        dragging.current = false;
        event.currentTarget.releasePointerCapture(event.pointerId);
      }}
    >
      <span className="swipe-divider-handle">⇔</span>
    </div>
  );
}
