import type { FeatureCollection, Polygon, Position } from 'geojson';
import { polygonArea } from '../../../../../common/src/geodesy.ts';
import { M2_PER_MU } from '../../../../../common/src/units.ts';

/** One polygon a file offers as a site. */
export interface SiteCandidate {
  key: string;
  label: string;
  geometry: Polygon;
  /** Ellipsoidal area in 亩 (a guide for choosing; the analysis gives the official figure). */
  mu: number;
  holes: number;
}

const NAME_KEYS = ['name', 'NAME', 'Name', '名称', '地块名称', 'DKMC', 'code', 'CODE', '地块编号', 'DKBH', 'id'];

function nameOf(properties: Record<string, unknown> | null, index: number): string {
  for (const key of NAME_KEYS) {
    const value = properties?.[key];
    if ((typeof value === 'string' && value.trim()) || typeof value === 'number') return String(value).trim();
  }
  return `要素 ${index + 1}`;
}

/** Every polygon of the file, a multipolygon's parts one by one; lines and points are not sites. */
export function siteCandidates(collection: FeatureCollection): SiteCandidate[] {
  return collection.features.flatMap((feature, i) => {
    const g = feature.geometry;
    const parts: Position[][][] = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : [];
    const name = nameOf(feature.properties, i);
    return parts.map((rings, p) => ({
      key: `${i}-${p}`,
      label: parts.length > 1 ? `${name}（第 ${p + 1} 部分）` : name,
      geometry: { type: 'Polygon' as const, coordinates: rings },
      mu: polygonArea(rings) / M2_PER_MU,
      holes: rings.length - 1,
    }));
  });
}

