import { describe, expect, it } from 'vitest';
import { fromGk } from '../../../../common/src/gk-proj.ts';
import { measureFigures } from './measure-figures';

describe('measureFigures', () => {
  it('measures a 1 km × 200 m rectangle laid out in the GK plane: 200 000 m² = 300 亩', () => {
    const corners = [
      [4_035_000, 39_420_000],
      [4_035_000, 39_421_000],
      [4_035_200, 39_421_000],
      [4_035_200, 39_420_000],
      [4_035_000, 39_420_000],
    ].map(([x = 0, y = 0]) => fromGk(x, y));
    const figures = measureFigures({ type: 'Polygon', coordinates: [corners] });
    expect(figures?.kind).toBe('area');
    if (figures?.kind !== 'area') return;
    expect(figures.zone).toBe(39);
    expect(figures.planarM2).toBeCloseTo(200_000, 1);
    // 80 km from the central meridian the GK plane is stretched by ~1 + y²/2R² ≈ 1.00008 per axis.
    expect(figures.ellipsoidalM2 / figures.planarM2).toBeGreaterThan(0.9996);
    expect(figures.ellipsoidalM2 / figures.planarM2).toBeLessThan(0.99995);
    expect(figures.perimetreM).toBeGreaterThan(2399);
    expect(figures.perimetreM).toBeLessThan(2400);
    expect(figures.vertices).toBe(4);
  });

  it('gives a line its length and nothing for a polygon still lacking a third point', () => {
    // 0.01° of meridian at 36°N: M ≈ a(1−e²)/(1−e²sin²φ)^1.5 ≈ 6 357 481 m → 1109.58 m.
    const line = measureFigures({ type: 'LineString', coordinates: [[116, 36], [116, 36.01]] });
    expect(line?.kind === 'distance' && line.metres).toBeCloseTo(1109.58, 1);
    expect(measureFigures({ type: 'Polygon', coordinates: [[[116, 36], [116.1, 36], [116, 36]]] })).toBeNull();
    expect(measureFigures(null)).toBeNull();
  });
});
