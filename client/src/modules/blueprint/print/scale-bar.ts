/**
 * Scale bar figures for a Web Mercator image, matching MapLibre's own ScaleControl: MapLibre's
 * world is 512·2^zoom CSS pixels wide and it measures distances on a sphere of radius
 * 6 371 008.8 m (LngLat#distanceTo). Along the parallel through the centre one pixel is
 * 2πR·cos(lat) / (512·2^zoom) metres.
 */
export const MAPLIBRE_EARTH_RADIUS_M = 6371008.8;
export const MAPLIBRE_TILE_SIZE = 512;

/** Metres per image pixel at latitude `lat` (degrees), for an image drawn at `pixelRatio`. */
export function metresPerPixel(lat: number, zoom: number, pixelRatio = 1): number {
  const circumference = 2 * Math.PI * MAPLIBRE_EARTH_RADIUS_M;
  return (circumference * Math.cos((lat * Math.PI) / 180)) / (MAPLIBRE_TILE_SIZE * 2 ** zoom) / pixelRatio;
}

/** The largest 1, 2 or 5 × 10ⁿ not above `max` (cartographic round numbers). */
export function roundDistance(max: number): number {
  if (!(max > 0)) return 0;
  const pow10 = 10 ** Math.floor(Math.log10(max));
  const d = max / pow10;
  // The epsilon keeps 5000 from becoming 2000 when floating point gives 4.999…
  const step = d >= 5 - 1e-9 ? 5 : d >= 2 - 1e-9 ? 2 : 1;
  return step * pow10;
}

export function formatDistance(metres: number): string {
  if (metres >= 1000) return `${Number((metres / 1000).toPrecision(6))} 公里`;
  return `${Number(metres.toPrecision(6))} 米`;
}

export interface ScaleBar {
  metres: number;
  /** Length of the bar in image pixels. */
  pixels: number;
  label: string;
}

/** A bar of a round length, as long as possible but not longer than `maxPixels`. */
export function scaleBar(metresPerPx: number, maxPixels: number): ScaleBar {
  const metres = roundDistance(metresPerPx * maxPixels);
  return { metres, pixels: metres / metresPerPx, label: formatDistance(metres) };
}
