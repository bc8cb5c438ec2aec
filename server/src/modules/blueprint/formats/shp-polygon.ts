import type { MultiPolygon, Polygon, Position } from 'geojson';
import { FormatIssueCode, warning, type Issue } from './format-issues.ts';
import { distinctCount, ringInsideRing, ringSignedArea } from './geometry-utils.ts';

/**
 * Rings of an ESRI polygon record → Polygon/MultiPolygon. The spec says outer rings run clockwise and
 * holes counter-clockwise; a hole belongs to the smallest outer ring containing it. Writers that get
 * the orientation wrong exist: a "hole" inside no outer ring is taken as an outer ring, reported.
 */
export function assemblePolygon(rings: Position[][], featureIndex: number, label: string): { geometry: Polygon | MultiPolygon | null; report: Issue[] } {
  const report: Issue[] = [];
  const usable = rings.filter((r) => distinctCount(r) >= 3);
  if (usable.length < rings.length) {
    report.push(warning(FormatIssueCode.degenerateRing, `${label}有 ${rings.length - usable.length} 个环不足 3 个不同的点，已忽略`, { featureIndex }));
  }
  const outers: Array<{ ring: Position[]; area: number; holes: Position[][] }> = [];
  const holes: Position[][] = [];
  for (const ring of usable) {
    const signed = ringSignedArea(ring);
    if (signed < 0) outers.push({ ring, area: -signed, holes: [] });
    else holes.push(ring);
  }
  if (outers.length === 0 && holes.length > 1) {
    // Every ring counter-clockwise (a writer following GeoJSON's winding): nesting decides instead.
    report.push(warning(FormatIssueCode.ringOrientation, `${label}的环都是逆时针（不符合 ESRI 规范），已按嵌套关系区分外环和内环`, { featureIndex }));
    const depth = (r: Position[]) => usable.filter((o) => o !== r && ringInsideRing(r, o)).length;
    const byDepth = holes.map((ring) => ({ ring, even: depth(ring) % 2 === 0 }));
    holes.length = 0;
    for (const { ring, even } of byDepth) {
      if (even) outers.push({ ring, area: Math.abs(ringSignedArea(ring)), holes: [] });
      else holes.push(ring);
    }
  }
  let orphans = 0;
  for (const hole of holes) {
    const owner = outers.filter((o) => ringInsideRing(hole, o.ring)).sort((a, b) => a.area - b.area)[0];
    if (owner) owner.holes.push(hole);
    else {
      orphans++;
      outers.push({ ring: hole, area: ringSignedArea(hole), holes: [] });
    }
  }
  if (orphans) {
    report.push(warning(FormatIssueCode.ringOrientation, `${label}有 ${orphans} 个逆时针环不在任何外环内，已按外环读取（按 ESRI 规范外环应为顺时针）`, { featureIndex }));
  }
  if (outers.length === 0) return { geometry: null, report };
  const polygons = outers.map((o) => [o.ring, ...o.holes]);
  return { geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons }, report };
}
