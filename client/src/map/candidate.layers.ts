import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';

export const CANDIDATE_SOURCE = 'recommend-candidates';

// Layer ids are a contract with the browser tests.
export const candidateLayerIds = { fill: 'recommend-candidates-fill', line: 'recommend-candidates-line' } as const;

const COLOUR = '#722ed1';
const SELECTED = '#fa541c';
const isSelected: ExpressionSpecification = ['==', ['get', 'selected'], true];

/** Recommended sites: a violet fill and outline (the selected one orange). Their numbers are DOM markers (CandidateSites). */
export const candidateLayers: LayerSpecification[] = [
  { id: candidateLayerIds.fill, type: 'fill', source: CANDIDATE_SOURCE, paint: { 'fill-color': ['case', isSelected, SELECTED, COLOUR], 'fill-opacity': ['case', isSelected, 0.4, 0.25] } },
  {
    id: candidateLayerIds.line,
    type: 'line',
    source: CANDIDATE_SOURCE,
    layout: { 'line-join': 'round' },
    paint: { 'line-color': ['case', isSelected, SELECTED, COLOUR], 'line-width': ['case', isSelected, 3, 2] },
  },
];

/** A point to put a candidate's number on: the area-weighted centroid of its largest part's outer ring. */
export function labelPoint(geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] }): [number, number] {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: { a: number; x: number; y: number } | null = null;
  for (const rings of parts) {
    const ring = rings[0] ?? [];
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = ring[i]!;
      const [x1, y1] = ring[i + 1]!;
      const cross = x0! * y1! - x1! * y0!;
      a += cross;
      cx += (x0! + x1!) * cross;
      cy += (y0! + y1!) * cross;
    }
    if (a !== 0 && (!best || Math.abs(a) > Math.abs(best.a))) best = { a, x: cx / (3 * a), y: cy / (3 * a) };
  }
  if (best) return [best.x, best.y];
  const first = parts[0]?.[0]?.[0] ?? [0, 0];
  return [first[0]!, first[1]!];
}
