import { describe, expect, it } from 'vitest';
import { drawShape } from './candidate-shape';

describe('drawShape', () => {
  // A square of 0.004° × 0.004° at 36.45°N: 0.004 × 110 574 = 442.3 m high and
  // 0.004 × 111 320 × cos 36.45° = 358.2 m wide.
  const square = { type: 'Polygon' as const, coordinates: [[[116, 36.448], [116.004, 36.448], [116.004, 36.452], [116, 36.452], [116, 36.448]]] };

  it('fits the shape into the box, north up, to scale', () => {
    const d = drawShape(square, 200, 10);
    // The taller side (442.3 m) spans the 180 px inside the padding.
    expect(d.metresPerPx).toBeCloseTo(442.296 / 180, 3);
    expect(d.paths).toHaveLength(1);
    const points = d.paths[0]!.slice(1, -1).split('L').map((p) => p.split(',').map(Number));
    // First corner is the south-west: bottom left; the third the north-east: top right.
    expect(points[0]![1]).toBeCloseTo(190, 0);
    expect(points[2]![1]).toBeCloseTo(10, 0);
    expect(points[2]![0]! - points[0]![0]!).toBeCloseTo((0.004 * 111_320 * Math.cos((36.45 * Math.PI) / 180)) / d.metresPerPx, 0);
  });

  it('draws a round scale bar no longer than 40 % of the box', () => {
    const d = drawShape(square, 200, 10);
    // 40 % of 180 px × 2.457 m/px = 176.9 m → 100 m, which is 40.7 px.
    expect(d.scale.label).toBe('100 米');
    expect(d.scale.px).toBeCloseTo(100 / d.metresPerPx, 6);
  });
});
