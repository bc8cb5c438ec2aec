/** Screen-space snapping (pixels): pure, so it is tested without a map. */
export type Px = [number, number];

export interface SnapHit {
  kind: 'vertex' | 'edge';
  /** Index of the line the hit is on and, for a vertex, of the vertex; for an edge, of its first end. */
  line: number;
  index: number;
  /** 0–1 along the edge (0 for a vertex). */
  t: number;
  point: Px;
  distance: number;
}

const dist = (a: Px, b: Px) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/**
 * The point to snap to within `tolerance` pixels of `pointer`: the nearest vertex if one is in reach
 * (corners matter most to a planner), otherwise the nearest point on an edge; null when nothing is near.
 */
export function nearestSnap(pointer: Px, lines: Px[][], tolerance: number): SnapHit | null {
  let vertex: SnapHit | null = null;
  let edge: SnapHit | null = null;
  lines.forEach((line, li) => {
    line.forEach((p, i) => {
      const d = dist(pointer, p);
      if (d <= tolerance && (!vertex || d < vertex.distance)) vertex = { kind: 'vertex', line: li, index: i, t: 0, point: p, distance: d };
      const q = line[i + 1];
      if (!q) return;
      const dx = q[0] - p[0];
      const dy = q[1] - p[1];
      const len2 = dx * dx + dy * dy;
      if (len2 === 0) return;
      const t = Math.max(0, Math.min(1, ((pointer[0] - p[0]) * dx + (pointer[1] - p[1]) * dy) / len2));
      const on: Px = [p[0] + t * dx, p[1] + t * dy];
      const de = dist(pointer, on);
      if (de <= tolerance && (!edge || de < edge.distance)) edge = { kind: 'edge', line: li, index: i, t, point: on, distance: de };
    });
  });
  return vertex ?? edge;
}
