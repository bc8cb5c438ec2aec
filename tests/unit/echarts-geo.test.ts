import { describe, expect, it } from 'vitest';
import { decodeRing, extractRegisteredMap } from '../../scripts/lib/echarts-geo.ts';

// Encodes deltas the way ECharts' compressed GeoJSON does (zig-zag, +64, 1/1024 degree), written here
// independently of the decoder so that a decoder bug cannot hide behind a matching encoder bug.
function encode(points: [number, number][], offset: [number, number]) {
  let [px, py] = offset;
  let s = '';
  for (const [x, y] of points) {
    const qx = Math.round(x * 1024);
    const qy = Math.round(y * 1024);
    const zz = (d: number) => (d >= 0 ? d * 2 : -d * 2 - 1);
    s += String.fromCharCode(zz(qx - px) + 64, zz(qy - py) + 64);
    px = qx;
    py = qy;
  }
  return s;
}

describe('ECharts compressed GeoJSON decoding', () => {
  it('restores quantised coordinates and closes the ring', () => {
    const pts: [number, number][] = [
      [116.0, 36.0],
      [116.0078125, 36.0],
      [116.0078125, 35.9921875],
    ];
    const ring = decodeRing(encode(pts, [118784, 36864]), [118784, 36864]);
    expect(ring).toEqual([...pts, pts[0]]);
  });

  it('finds the FeatureCollection passed to registerMap', () => {
    const src = `(function(){echarts.registerMap('x', {"type":"FeatureCollection","features":[]});}));`;
    expect(extractRegisteredMap(src).features).toEqual([]);
  });
});
