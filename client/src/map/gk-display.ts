import { GK3_FIRST_ZONE, GK3_LAST_ZONE, toGk } from '../../../common/src/gk-proj.ts';

export interface GkReadout {
  zone: number;
  epsg: number;
  /** Northing, metres, 2 decimals. */
  x: string;
  /** Easting with the zone prefix, metres, 2 decimals. */
  y: string;
}

/** The pointer in CGCS2000 3-degree GK coordinates of its own zone, or null outside China's zones. */
export function gkReadout(lon: number, lat: number): GkReadout | null {
  const zone = Math.floor((lon + 1.5) / 3);
  if (zone < GK3_FIRST_ZONE || zone > GK3_LAST_ZONE || Math.abs(lat) > 84) return null;
  const p = toGk(lon, lat, zone);
  if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return null;
  return { zone, epsg: p.epsg, x: p.x.toFixed(2), y: p.y.toFixed(2) };
}
