import { describe, expect, it } from 'vitest';
import { gkReadout } from './gk-display';

describe('gkReadout', () => {
  it('shows X (northing) and Y (prefixed easting) with two decimals in the pointer zone', () => {
    const r = gkReadout(117, 36);
    expect(r?.zone).toBe(39);
    expect(r?.epsg).toBe(4527);
    expect(r?.y).toBe('39500000.00');
    expect(r?.x).toMatch(/^3985\d{3}\.\d{2}$/);
  });

  it('switches to zone 38 west of 115.5°E', () => {
    expect(gkReadout(115.4, 36.4)?.zone).toBe(38);
    expect(gkReadout(115.4, 36.4)?.y).toMatch(/^38\d{6}\.\d{2}$/);
    expect(gkReadout(115.6, 36.4)?.zone).toBe(39);
  });

  it('gives nothing outside the Chinese 3-degree zones', () => {
    expect(gkReadout(10, 50)).toBeNull();
  });
});
