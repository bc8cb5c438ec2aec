import type { IdentifiedFeature, LayerInfo } from '../../api/api.types';

/** Pointer tolerance for lines and points, in screen pixels. */
export const PICK_TOLERANCE_PX = 4;

export interface IdentifyRequest {
  lon: number;
  lat: number;
  radius: number;
  layers: string[];
}

/**
 * Areas are hit where the click falls inside them (radius 0, so a neighbour is not picked up);
 * lines and points need a tolerance of a few pixels, converted to metres at the click.
 */
export function identifyRequests(click: { lon: number; lat: number; metresPerPixel: number }, visible: LayerInfo[]): IdentifyRequest[] {
  const areas = visible.filter((l) => l.geometryType === 'polygon').map((l) => l.key);
  const thin = visible.filter((l) => l.geometryType !== 'polygon').map((l) => l.key);
  const requests: IdentifyRequest[] = [];
  if (areas.length) requests.push({ lon: click.lon, lat: click.lat, radius: 0, layers: areas });
  if (thin.length) {
    const radius = Math.min(5000, Math.max(1, click.metresPerPixel * PICK_TOLERANCE_PX));
    requests.push({ lon: click.lon, lat: click.lat, radius: Math.round(radius * 10) / 10, layers: thin });
  }
  return requests;
}

/** All hits in layer-tree order (what the tree lists first comes first). */
export function orderHits(hits: IdentifiedFeature[], treeKeys: string[]): IdentifiedFeature[] {
  const rank = (key: string) => {
    const i = treeKeys.indexOf(key);
    return i < 0 ? treeKeys.length : i;
  };
  return [...hits].sort((a, b) => rank(a.layer) - rank(b.layer) || a.id - b.id);
}

/** A short line naming the feature in a list of hits: its first attribute with a value. */
export function hitSummary(hit: IdentifiedFeature): string {
  const first = hit.attributes.find((a) => typeof a.value === 'string' || typeof a.value === 'number');
  return first ? `${first.label}：${String(first.value)}` : `编号 ${hit.id}`;
}
