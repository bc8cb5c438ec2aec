/** Web-Mercator tile arithmetic, written from the formulas (independent of the server's SQL). */
export function lonLatToTilePixel(lon: number, lat: number, z: number, extent = 4096) {
  const n = 2 ** z;
  const xWorld = ((lon + 180) / 360) * n;
  const latRad = (lat * Math.PI) / 180;
  const yWorld = ((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * n;
  const x = Math.floor(xWorld);
  const y = Math.floor(yWorld);
  return { x, y, px: (xWorld - x) * extent, py: (yWorld - y) * extent };
}

/** Lon/lat bounds of tile z/x/y (inverse Web-Mercator). */
export function tileBounds(z: number, x: number, y: number) {
  const n = 2 ** z;
  const lon = (xt: number) => (xt / n) * 360 - 180;
  const lat = (yt: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * yt) / n))) * 180) / Math.PI;
  return { west: lon(x), east: lon(x + 1), north: lat(y), south: lat(y + 1) };
}
