import type { MultiPolygon, Polygon } from 'geojson';
import { scaleBar } from '../../blueprint/print/scale-bar';

/** Mean radius-based metres per degree (thumbnail drawing; the server's figures are the exact ones). */
const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LON_EQUATOR = 111_320;

export interface ShapeDrawing {
  /** One SVG path `d` per polygon (outer ring and holes; draw with fill-rule evenodd). */
  paths: string[];
  /** A round-number scale bar: its length on screen and its label. */
  scale: { px: number; label: string };
  /** Metres per pixel of the drawing. */
  metresPerPx: number;
}

/**
 * A polygon fitted into a size × size box with `pad` pixels round it, north up, in a local equirectangular
 * projection around its centre (true to scale within a fraction of a percent at a few km), and a scale bar
 * of a round length no longer than 40 % of the box.
 */
export function drawShape(geometry: Polygon | MultiPolygon, size: number, pad = 12): ShapeDrawing {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const all = polygons.flat(2);
  const lons = all.map((p) => p[0]!);
  const lats = all.map((p) => p[1]!);
  const lon0 = (Math.min(...lons) + Math.max(...lons)) / 2;
  const lat0 = (Math.min(...lats) + Math.max(...lats)) / 2;
  const kx = M_PER_DEG_LON_EQUATOR * Math.cos((lat0 * Math.PI) / 180);
  const toM = (p: number[]) => [(p[0]! - lon0) * kx, (p[1]! - lat0) * M_PER_DEG_LAT] as const;
  const metres = all.map(toM);
  const w = Math.max(...metres.map((m) => m[0])) - Math.min(...metres.map((m) => m[0]));
  const h = Math.max(...metres.map((m) => m[1])) - Math.min(...metres.map((m) => m[1]));
  const metresPerPx = Math.max(w, h, 1) / (size - 2 * pad);
  const px = (p: number[]) => {
    const [x, y] = toM(p);
    return `${(size / 2 + x / metresPerPx).toFixed(1)},${(size / 2 - y / metresPerPx).toFixed(1)}`;
  };
  const paths = polygons.map((rings) => rings.map((ring) => `M${ring.map(px).join('L')}Z`).join(''));
  const bar = scaleBar(metresPerPx, 0.4 * (size - 2 * pad));
  return { paths, scale: { px: bar.pixels, label: bar.label }, metresPerPx };
}
