import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Geometry, Position } from 'geojson';

const dir = fileURLToPath(new URL('../../fixtures/formats/', import.meta.url));

/** Bytes of a committed fixture (see tests/fixtures/formats/README.md for how each was made). */
export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(dir + name));

/** Independent shoelace (|area| of one ring), written out in the plainest way for the tests. */
export function ringArea(ring: Position[]): number {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) twice += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return Math.abs(twice) / 2;
}

export function rings(g: Geometry | null | undefined): Position[][][] {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  throw new Error(`not a polygon: ${g.type}`);
}

/** Catches the FormatError a call throws, so a test can assert its code and message. */
export function thrown(fn: () => unknown): { code: string; message: string; status?: number } {
  try {
    fn();
  } catch (e) {
    return e as { code: string; message: string; status?: number };
  }
  throw new Error('expected the call to throw');
}
