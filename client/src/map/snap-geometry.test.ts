import { describe, expect, it } from 'vitest';
import { nearestSnap, type Px } from './snap-geometry';

const square: Px[] = [
  [0, 0],
  [100, 0],
  [100, 100],
  [0, 100],
  [0, 0],
];

describe('nearestSnap', () => {
  it('prefers a vertex in reach over a nearer edge', () => {
    const hit = nearestSnap([96, 3], [square], 10);
    expect(hit).toMatchObject({ kind: 'vertex', line: 0, index: 1, point: [100, 0] });
    expect(hit!.distance).toBeCloseTo(5, 9);
  });

  it('falls back to the perpendicular foot on the nearest edge', () => {
    const hit = nearestSnap([50, 6], [square], 10);
    expect(hit).toMatchObject({ kind: 'edge', line: 0, index: 0, point: [50, 0] });
    expect(hit!.t).toBeCloseTo(0.5, 9);
  });

  it('picks the nearest of several lines and nothing out of reach', () => {
    const other: Px[] = [
      [0, 20],
      [100, 20],
    ];
    expect(nearestSnap([40, 14], [square, other], 10)).toMatchObject({ kind: 'edge', line: 1, point: [40, 20] });
    expect(nearestSnap([50, 50], [square, other], 10)).toBeNull();
  });
});
