import { describe, expect, it } from 'vitest';
import { MAX_FEATURES_PER_TILE, minZoomFor } from '../../server/src/modules/blueprint/layers.repository.ts';

describe('layer min zoom from density', () => {
  it('is 0 for layers that fit in one tile', () => {
    expect(minZoomFor(3000, 8.6e9, 36.4)).toBe(0);
    expect(minZoomFor(MAX_FEATURES_PER_TILE, 1, 36.4)).toBe(0);
  });

  it('puts 10^6 patches over 聊城 (≈ 8 640 km² extent) at z13: ≈ 7 200 per tile at z12 is over the limit, ≈ 1 800 at z13', () => {
    // Ground side of a z12 tile at 36.4°N: 40 075 km / 4096 × cos 36.4° ≈ 7.876 km → 62.0 km².
    const side12 = (40075016.686 / 4096) * Math.cos((36.4 * Math.PI) / 180);
    const perTile12 = (1e6 / 8.64e9) * side12 * side12;
    expect(perTile12).toBeGreaterThan(7000);
    expect(perTile12).toBeLessThan(7400);
    expect(perTile12).toBeGreaterThan(MAX_FEATURES_PER_TILE);
    expect(perTile12 / 4).toBeLessThan(MAX_FEATURES_PER_TILE);
    expect(minZoomFor(1e6, 8.64e9, 36.4)).toBe(13);
  });
});
