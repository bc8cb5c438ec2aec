import { FormatIssueCode, warning, type Issue } from './format-issues.ts';
import { CGCS2000_GEOGRAPHIC, WGS84, gkEpsg, zoneWidthOf, type ZoneWidth } from './gk-crs.ts';
import { parseWkt, wktChildren, wktFind, wktName, type WktNode } from './wkt.parser.ts';

/**
 * What a file says about its CRS. `legacyDatum` is set for Xian 1980 / Beijing 1954: those need a
 * seven-parameter conversion nobody can do without the local parameters, so the caller refuses them
 * unless the user declares the CRS.
 */
export interface CrsFinding {
  epsg: number | null;
  detail: string;
  legacyDatum?: '西安1980' | '北京1954';
  issues: Issue[];
}

type Datum = 'cgcs2000' | 'wgs84' | '西安1980' | '北京1954' | 'other';

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9\u4e00-\u9fff]/g, '');

/** Datum of a CRS name; also understands the Chinese names of 坐标文件 (2000国家大地坐标系, 西安80 …). */
export function datumOfName(name: string): Datum | null {
  const s = squash(name);
  if (/china2000|cgcs2000|chinageodeticcoordinatesystem2000|2000国家大地|国家2000|2000坐标系/.test(s)) return 'cgcs2000';
  if (/xian1980|xian80|西安80|1980西安|西安1980/.test(s)) return '西安1980';
  if (/newbeijing|beijing1954|beijing54|北京54|1954北京|北京1954/.test(s)) return '北京1954';
  if (/wgs1984|wgs84/.test(s)) return 'wgs84';
  return null;
}

/** Zone, zone width and prefix said by a name like CGCS2000_3_Degree_GK_Zone_39 or "… 3-degree Gauss-Kruger CM 117E". */
function gkFromName(name: string): { zone: number; width: ZoneWidth; prefixed: boolean } | null {
  const s = squash(name);
  const width: ZoneWidth = /3degree|3度/.test(s) ? 3 : 6;
  const zone = /zone(\d{2})/.exec(s);
  if (zone) return { zone: Number(zone[1]), width, prefixed: true };
  const cm = /cm(\d{2,3})e/.exec(s);
  if (cm) {
    const m = Number(cm[1]);
    return width === 3 ? { zone: m / 3, width, prefixed: false } : { zone: (m + 3) / 6, width, prefixed: false };
  }
  return null;
}

function parameter(root: WktNode, ...names: string[]): number | undefined {
  const wanted = names.map(squash);
  for (const p of wktChildren(root, 'PARAMETER')) {
    if (wanted.includes(squash(wktName(p))) && typeof p.args[1] === 'number') return p.args[1];
  }
  const conversion = wktFind(root, 'CONVERSION'); // WKT2 keeps the parameters one level down
  return conversion && conversion !== root ? parameter(conversion, ...names) : undefined;
}

function authorityCode(node: WktNode): number | null {
  for (const a of wktChildren(node, 'AUTHORITY', 'ID')) {
    if (String(a.args[0]).toUpperCase() === 'EPSG' && Number.isInteger(Number(a.args[1]))) return Number(a.args[1]);
  }
  return null;
}

/** GK parameters → EPSG: central meridian and false easting decide zone, width and prefix. */
function gkFromParameters(cm: number, fe: number, nameWidth: ZoneWidth | null): number | null {
  if (fe === 500_000) {
    const three = cm % 3 === 0 ? gkEpsg(cm / 3, false, 3) : null;
    const six = (cm + 3) % 6 === 0 ? gkEpsg((cm + 3) / 6, false, 6) : null;
    // CM 117E is both 3-degree zone 39 and 6-degree zone 20, with identical definitions: follow the name.
    return nameWidth === 6 ? (six ?? three) : (three ?? six);
  }
  const zone = (fe - 500_000) / 1_000_000;
  const width = zoneWidthOf(zone);
  if (!width) return null;
  const expectedCm = width === 3 ? zone * 3 : zone * 6 - 3;
  return expectedCm === cm ? gkEpsg(zone, true, width) : null;
}

/** Reads the CRS of a .prj (ESRI or OGC WKT 1, or WKT 2). */
export function crsFromWkt(text: string, fileName: string): CrsFinding {
  let root: WktNode;
  try {
    root = parseWkt(text.replace(/^\uFEFF/, ''));
  } catch {
    return { epsg: null, detail: `${fileName} 不是有效的 WKT`, issues: [warning(FormatIssueCode.crsUnrecognised, `${fileName} 的内容无法解析为坐标系定义（WKT），请在导入时声明坐标系`)] };
  }
  if (root.keyword === 'COMPD_CS' || root.keyword === 'COMPOUNDCRS') root = wktChildren(root, 'PROJCS', 'GEOGCS', 'PROJCRS', 'GEOGCRS', 'GEODCRS')[0] ?? root;
  const name = wktName(root);
  const datumName = wktName(wktFind(root, 'DATUM', 'GEODETICDATUM', 'TRF'));
  const datum = datumOfName(datumName) ?? datumOfName(name) ?? 'other';
  const detail = `${fileName}: ${name || root.keyword}`;
  if (datum === '西安1980' || datum === '北京1954') return { epsg: null, detail, legacyDatum: datum, issues: [] };

  const authority = authorityCode(root);
  if (authority !== null) return { epsg: authority, detail: `${detail}（AUTHORITY EPSG:${authority}）`, issues: [] };

  const projected = ['PROJCS', 'PROJCRS', 'PROJECTEDCRS'].includes(root.keyword);
  if (!projected) {
    const epsg = datum === 'cgcs2000' ? CGCS2000_GEOGRAPHIC : datum === 'wgs84' ? WGS84 : null;
    return epsg ? { epsg, detail, issues: [] } : unrecognised(detail, fileName);
  }
  if (datum !== 'cgcs2000') return unrecognised(detail, fileName);
  const method = squash(wktName(wktFind(root, 'PROJECTION', 'METHOD')));
  const byName = gkFromName(name);
  const byNameEpsg = byName ? gkEpsg(byName.zone, byName.prefixed, byName.width) : null;
  const cm = parameter(root, 'central_meridian', 'longitude_of_natural_origin', 'Longitude of natural origin');
  const fe = parameter(root, 'false_easting', 'False easting');
  const k = parameter(root, 'scale_factor', 'scale_factor_at_natural_origin', 'Scale factor at natural origin') ?? 1;
  const fn = parameter(root, 'false_northing', 'False northing') ?? 0;
  const lat0 = parameter(root, 'latitude_of_origin', 'latitude_of_natural_origin', 'Latitude of natural origin') ?? 0;
  if (cm === undefined || fe === undefined) {
    return byNameEpsg ? { epsg: byNameEpsg, detail, issues: [] } : unrecognised(detail, fileName);
  }
  const isTm = /transversemercator|gausskruger|gauss/.test(method);
  const byParams = isTm && k === 1 && fn === 0 && lat0 === 0 ? gkFromParameters(cm, fe, byName?.width ?? null) : null;
  if (byParams === null) return unrecognised(`${detail}（中央经线 ${cm}°，东伪偏移 ${fe} m）`, fileName);
  const issues: Issue[] = [];
  if (byNameEpsg !== null && byNameEpsg !== byParams) {
    issues.push(warning(FormatIssueCode.crsUnrecognised, `${fileName} 的坐标系名称“${name}”与其参数（中央经线 ${cm}°，东伪偏移 ${fe} m）不一致，已按参数识别为 EPSG:${byParams}`, { figures: { nameEpsg: byNameEpsg, parameterEpsg: byParams } }));
  }
  return { epsg: byParams, detail, issues };
}

function unrecognised(detail: string, fileName: string): CrsFinding {
  return {
    epsg: null,
    detail,
    issues: [warning(FormatIssueCode.crsUnrecognised, `无法从 ${fileName} 识别坐标系（${detail}）：仅自动识别 CGCS2000 经纬度、WGS84 和 CGCS2000 高斯-克吕格 3/6 度带，请在导入时声明 EPSG 代码`)],
  };
}

/**
 * The `crs` member of a GeoJSON (2008 spec; RFC 7946 dropped it but GDAL and many tools still write it).
 * undefined: no member; null: a member we do not understand.
 */
export function epsgFromGeoJsonCrs(crs: unknown): number | null | undefined {
  if (crs === undefined || crs === null) return undefined;
  if (typeof crs !== 'object') return null;
  const { type, properties } = crs as { type?: unknown; properties?: Record<string, unknown> };
  if (String(type).toUpperCase() === 'EPSG' && properties && Number.isInteger(Number(properties.code))) return Number(properties.code);
  const name = typeof properties?.name === 'string' ? properties.name.trim() : '';
  if (/(^|:)CRS84$/i.test(name)) return WGS84;
  const m = /^(?:urn:ogc:def:crs:EPSG:[\d.]*:|EPSG:|https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/[\d.]+\/)(\d+)$/i.exec(name);
  return m ? Number(m[1]) : null;
}
