import proj4 from 'proj4';
import { gkZone } from './units.ts';

/**
 * CGCS2000 3-degree Gauss-Krüger zones as proj4 definitions. proj4 ships none of them, so they are
 * registered here under their EPSG codes: 4513–4533 carry the zone number in front of the easting
 * (zone 39 → Y = 39 500 000 on the central meridian), 4534–4554 are the same zones without it.
 * CGCS2000 uses the GRS80 ellipsoid; no datum shift to WGS84 is needed at map accuracy.
 */
export const GK3_FIRST_ZONE = 25;
export const GK3_LAST_ZONE = 45;
const PREFIXED_BASE = 4513;
const PLAIN_BASE = 4534;

export function gkProj4Definition(zone: number, prefixed = true): string {
  if (!Number.isInteger(zone) || zone < GK3_FIRST_ZONE || zone > GK3_LAST_ZONE) {
    throw new RangeError(`3-degree zone ${zone} is outside ${GK3_FIRST_ZONE}–${GK3_LAST_ZONE}`);
  }
  const falseEasting = (prefixed ? zone * 1_000_000 : 0) + 500_000;
  return `+proj=tmerc +lat_0=0 +lon_0=${zone * 3} +k=1 +x_0=${falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
}

export const gkEpsgCode = (zone: number, prefixed = true) => (prefixed ? PREFIXED_BASE : PLAIN_BASE) + zone - GK3_FIRST_ZONE;

/** Every 3-degree zone, both variants, as `[ 'EPSG:4527', '+proj=tmerc …' ]` pairs. */
export function gkDefinitions(): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let zone = GK3_FIRST_ZONE; zone <= GK3_LAST_ZONE; zone++) {
    pairs.push([`EPSG:${gkEpsgCode(zone, true)}`, gkProj4Definition(zone, true)]);
    pairs.push([`EPSG:${gkEpsgCode(zone, false)}`, gkProj4Definition(zone, false)]);
  }
  return pairs;
}

/** Makes `proj4('EPSG:4326', 'EPSG:4527', …)` work. */
export function registerGkDefinitions(target: typeof proj4 = proj4): void {
  target.defs(gkDefinitions());
}

export interface GkPosition {
  zone: number;
  centralMeridian: number;
  /** EPSG code of the zone with the prefixed easting. */
  epsg: number;
  /** Northing in metres (surveyors' X). */
  x: number;
  /** Easting in metres with the zone number in front (surveyors' Y). */
  y: number;
}

const converters = new Map<number, proj4.Converter>();
function converterFor(zone: number): proj4.Converter {
  let converter = converters.get(zone);
  if (!converter) {
    converter = proj4('+proj=longlat +ellps=GRS80 +no_defs', gkProj4Definition(zone, true));
    converters.set(zone, converter);
  }
  return converter;
}

/** CGCS2000 GK coordinates of a lon/lat, in the point's own zone unless another zone is given. */
export function toGk(lon: number, lat: number, zone = gkZone(lon).zone): GkPosition {
  const [y = NaN, x = NaN] = converterFor(zone).forward([lon, lat]);
  return { zone, centralMeridian: zone * 3, epsg: gkEpsgCode(zone, true), x, y };
}

/** Back from a prefixed GK X/Y (the zone is read from the easting's leading digits). */
export function fromGk(x: number, y: number): [number, number] {
  const zone = Math.floor(y / 1_000_000);
  const [lon = NaN, lat = NaN] = converterFor(zone).inverse([y, x]);
  return [lon, lat];
}

/**
 * Planar area (m²) of a polygon's rings in one GK zone, the way official land figures are computed:
 * outer ring minus holes, shoelace in the projected plane. The zone defaults to the one of the first
 * ring's mean longitude.
 */
export function gkPlanarArea(rings: number[][][], zone?: number): number {
  const outer = rings[0];
  if (!outer?.length) return 0;
  const useZone = zone ?? gkZone(outer.reduce((sum, p) => sum + (p[0] ?? 0), 0) / outer.length).zone;
  const ringArea = (ring: number[][]) => {
    const pts = ring.map(([lon = 0, lat = 0]) => toGk(lon, lat, useZone));
    let twice = 0;
    for (let i = 0; i < pts.length; i++) {
      const a = pts[i]!;
      const b = pts[(i + 1) % pts.length]!;
      twice += a.y * b.x - b.y * a.x;
    }
    return Math.abs(twice) / 2;
  };
  return rings.reduce((total, ring, i) => total + (i === 0 ? ringArea(ring) : -ringArea(ring)), 0);
}
