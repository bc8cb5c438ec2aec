/**
 * The CGCS2000 Gauss-Krüger CRSs of EPSG and their zone arithmetic. 3-degree zones 25–45 (central
 * meridian 3·zone): 4513+ with the zone prefix on the easting, 4534+ without. 6-degree zones 13–23
 * (central meridian 6·zone−3): 4491+ prefixed, 4502+ without. Liaocheng is in 3-degree zones 38 and 39.
 */
export type ZoneWidth = 3 | 6;

export interface GkCrs {
  kind: 'gk';
  epsg: number;
  zone: number;
  zoneWidth: ZoneWidth;
  prefixed: boolean;
  centralMeridian: number;
  falseEasting: number;
}

export interface GeographicCrs {
  kind: 'geographic';
  epsg: 4490 | 4326;
  name: string;
}

export const CGCS2000_GEOGRAPHIC = 4490;
export const WGS84 = 4326;

const RANGES = { 3: { first: 25, last: 45, prefixed: 4513, plain: 4534 }, 6: { first: 13, last: 23, prefixed: 4491, plain: 4502 } } as const;

export const isZoneOf = (zone: number, width: ZoneWidth) => Number.isInteger(zone) && zone >= RANGES[width].first && zone <= RANGES[width].last;

/** Which zone width a zone number belongs to: the two ranges do not overlap. */
export const zoneWidthOf = (zone: number): ZoneWidth | null => (isZoneOf(zone, 3) ? 3 : isZoneOf(zone, 6) ? 6 : null);

export function gkEpsg(zone: number, prefixed: boolean, width: ZoneWidth = 3): number | null {
  if (!isZoneOf(zone, width)) return null;
  const r = RANGES[width];
  return (prefixed ? r.prefixed : r.plain) + zone - r.first;
}

export function describeEpsg(epsg: number): GkCrs | GeographicCrs | null {
  if (epsg === CGCS2000_GEOGRAPHIC) return { kind: 'geographic', epsg, name: 'CGCS2000 经纬度' };
  if (epsg === WGS84) return { kind: 'geographic', epsg, name: 'WGS84 经纬度' };
  for (const width of [3, 6] as const) {
    const r = RANGES[width];
    const count = r.last - r.first + 1;
    for (const prefixed of [true, false]) {
      const base = prefixed ? r.prefixed : r.plain;
      if (epsg >= base && epsg < base + count) {
        const zone = r.first + epsg - base;
        const centralMeridian = width === 3 ? zone * 3 : zone * 6 - 3;
        return { kind: 'gk', epsg, zone, zoneWidth: width, prefixed, centralMeridian, falseEasting: (prefixed ? zone * 1_000_000 : 0) + 500_000 };
      }
    }
  }
  return null;
}

export function crsLabel(epsg: number): string {
  const d = describeEpsg(epsg);
  if (!d) return `EPSG:${epsg}`;
  if (d.kind === 'geographic') return `EPSG:${epsg}（${d.name}）`;
  const width = d.zoneWidth === 3 ? '3度带' : '6度带';
  return `EPSG:${epsg}（CGCS2000 高斯-克吕格 ${width}第 ${d.zone} 带，中央经线 ${d.centralMeridian}°E，${d.prefixed ? '坐标含带号' : '坐标不含带号'}）`;
}
