import type { Feature, Position } from 'geojson';
import { splitCoordinateFile, type RawParcel, type RawPoint } from './coordinate-file.tokenizer.ts';
import { datumOfName } from './crs-detect.ts';
import type { FileCrs } from './crs-resolve.ts';
import { checkFeatureCount, VertexBudget } from './feature-limits.ts';
import { FormatError } from './format-error.ts';
import { FormatIssueCode, info, warning, type Issue } from './format-issues.ts';
import type { FormatLimits } from './format-limits.ts';
import { distinctCount, isClosed, polygonArea, ringInsideRing, samePosition } from './geometry-utils.ts';
import { gkEpsg, zoneWidthOf, type ZoneWidth } from './gk-crs.ts';
import type { RawParse } from './parsed-file.ts';
import { decodeText } from './text-decode.ts';

const intDigits = (v: number) => String(Math.trunc(Math.abs(v))).length;
/** Share of the declared area the computed one may differ by before we say so. */
const AREA_TOLERANCE = 0.01;

interface GkPoint extends RawPoint {
  easting: number;
  northing: number;
  swapped: boolean;
}

/** X is the northing (7 integer digits), Y the easting (8 with the zone prefix, 6 without); files with
 *  them the other way round exist, so the digit counts decide, point by point. */
function orient(p: RawPoint, fileName: string): GkPoint {
  const [dx, dy] = [intDigits(p.x), intDigits(p.y)];
  const eastingLike = (d: number) => d === 6 || d === 8;
  if (dx === 7 && eastingLike(dy)) return { ...p, northing: p.x, easting: p.y, swapped: false };
  if (dy === 7 && eastingLike(dx)) return { ...p, northing: p.y, easting: p.x, swapped: true };
  throw new FormatError(
    FormatIssueCode.axesAmbiguous,
    `文件“${fileName}”第 ${p.line} 行界址点 ${p.name} 的坐标 X=${p.xText}、Y=${p.yText} 不是 CGCS2000 高斯投影坐标：X（北坐标）应为 7 位整数，Y（东坐标）应为 8 位（含带号）或 6 位整数`,
    { line: p.line },
  );
}

/** Consecutive points with one 圈号 form a ring; a ring that has closed and goes on starts another. */
function splitRings(points: GkPoint[]): GkPoint[][] {
  const rings: GkPoint[][] = [];
  let current: GkPoint[] = [];
  for (const p of points) {
    const first = current[0];
    const closed = current.length > 1 && first && samePosition([first.easting, first.northing], [current[current.length - 1]!.easting, current[current.length - 1]!.northing]);
    if (first && (p.ring !== first.ring || closed)) {
      rings.push(current);
      current = [];
    }
    current.push(p);
  }
  if (current.length) rings.push(current);
  return rings;
}

function zoneFromAttributes(attrs: Map<string, { value: string }>): { zone: number | null; width: ZoneWidth } {
  const zoneText = attrs.get('带号')?.value ?? '';
  const widthText = attrs.get('几度分带')?.value ?? attrs.get('分带')?.value ?? '';
  const zone = /\d+/.exec(zoneText);
  return { zone: zone ? Number(zone[0]) : null, width: /6/.test(widthText) ? 6 : 3 };
}

/** Reads a 坐标文件 (FORMATS.md): parcels become polygons in the file's own GK CRS, [easting, northing]. */
export function parseCoordinateFile(bytes: Uint8Array, fileName: string, limits: FormatLimits): RawParse {
  const { text, encoding } = decodeText(bytes);
  const report: Issue[] = [info(FormatIssueCode.encodingDetected, `文件编码：${encoding}`)];
  const { attributes, parcels } = splitCoordinateFile(text, fileName);
  if (parcels.length === 0) throw new FormatError(FormatIssueCode.emptyFile, `文件“${fileName}”中没有地块（缺少“界址点数,地块面积,地块编号,…,@”行），不是有效的坐标文件`);
  checkFeatureCount(parcels.length, fileName, limits);

  const oriented = parcels.map((parcel) => ({ parcel, points: parcel.points.map((p) => orient(p, fileName)) }));
  const all = oriented.flatMap((o) => o.points);
  const first = all[0];
  if (!first) throw new FormatError(FormatIssueCode.emptyFile, `文件“${fileName}”中的地块没有任何界址点`);
  const prefixed = intDigits(first.easting) === 8;
  const prefixZone = prefixed ? Math.floor(first.easting / 1_000_000) : null;
  const odd = all.find((p) => (intDigits(p.easting) === 8) !== prefixed || (prefixed && Math.floor(p.easting / 1_000_000) !== prefixZone));
  if (odd) {
    throw new FormatError(FormatIssueCode.zonePrefixMixed, `文件“${fileName}”第 ${odd.line} 行的 Y 坐标 ${odd.easting} 与第 ${first.line} 行的 ${first.easting} 带号不一致（一个文件中的坐标应同属一个带，且都含或都不含带号）`, { line: odd.line });
  }

  const attr = zoneFromAttributes(attributes);
  let fileCrs: FileCrs;
  if (prefixZone !== null) {
    const width = zoneWidthOf(prefixZone);
    if (attr.zone !== null && attr.zone !== prefixZone) {
      report.push(warning(FormatIssueCode.zoneMismatch, `属性描述中的带号为 ${attr.zone}，但 Y 坐标的前两位（带号）为 ${prefixZone}：已按坐标中的 ${prefixZone} 带读取，请核对`, { figures: { declaredZone: attr.zone, prefixZone } }));
    }
    const epsg = width ? gkEpsg(prefixZone, true, width) : null;
    fileCrs = { epsg, detail: epsg ? `Y 坐标带号 ${prefixZone}` : `Y 坐标的带号 ${prefixZone} 不是 CGCS2000 3 度带（25～45）或 6 度带（13～23）` };
  } else {
    const epsg = attr.zone !== null ? gkEpsg(attr.zone, false, attr.width) : null;
    fileCrs = { epsg, detail: attr.zone === null ? '坐标不含带号，属性描述中也没有带号' : epsg ? `属性描述 带号=${attr.zone}` : `属性描述中的带号 ${attr.zone} 不是 CGCS2000 ${attr.width} 度带的带号` };
  }
  const datum = datumOfName(attributes.get('坐标系')?.value ?? '');
  if (datum === '西安1980' || datum === '北京1954') fileCrs = { ...fileCrs, epsg: null, legacyDatum: datum, detail: `属性描述 坐标系=${attributes.get('坐标系')!.value}` };

  const budget = new VertexBudget(fileName, limits);
  const features = oriented.map(({ parcel, points }, index) => {
    const feature = parcelFeature(parcel, points, index, fileName, report);
    budget.add(feature, index, `地块 ${parcel.code || parcel.name}（第 ${parcel.line} 行）`);
    return feature;
  });
  return { fileCrs, features, report };
}

function parcelFeature(parcel: RawParcel, points: GkPoint[], index: number, fileName: string, report: Issue[]): Feature {
  const label = `地块 ${parcel.code || parcel.name || index + 1}（第 ${parcel.line} 行）`;
  if (points.length === 0) throw new FormatError(FormatIssueCode.ringTooFewPoints, `文件“${fileName}”${label}没有界址点`, { line: parcel.line });
  const swapped = points.filter((p) => p.swapped).length;
  if (swapped) report.push(warning(FormatIssueCode.axesSwapped, `${label}有 ${swapped} 个界址点的 X、Y 顺序颠倒（X 应为北坐标），已按位数自动交换，请核对`, { featureIndex: index, figures: { swapped } }));

  const rings: Array<{ number: number; coords: Position[]; line: number }> = [];
  for (const ring of splitRings(points)) {
    const coords: Position[] = ring.map((p) => [p.easting, p.northing]);
    const head = ring[0]!;
    if (distinctCount(coords) < 3) {
      throw new FormatError(FormatIssueCode.ringTooFewPoints, `文件“${fileName}”${label}的第 ${head.ring} 圈（第 ${head.line}～${ring[ring.length - 1]!.line} 行）只有 ${distinctCount(coords)} 个不同的界址点，至少需要 3 个`, { line: head.line });
    }
    if (!isClosed(coords)) {
      coords.push(coords[0]!);
      report.push(warning(FormatIssueCode.ringNotClosed, `${label}的第 ${head.ring} 圈（第 ${head.line} 行起）没有以首点闭合，已自动闭合`, { featureIndex: index }));
    }
    rings.push({ number: head.ring, coords, line: head.line });
  }

  const lines = points.length;
  if (parcel.declaredPointCount !== null && parcel.declaredPointCount !== lines && parcel.declaredPointCount !== lines - rings.length) {
    report.push(warning(FormatIssueCode.pointCountMismatch, `${label}声明的界址点数为 ${parcel.declaredPointCount}，实际有 ${lines} 个界址点行`, { featureIndex: index, figures: { declared: parcel.declaredPointCount, actual: lines } }));
  }

  // 圈号 1 is an outer ring, higher numbers are holes of the outer ring containing them; a "hole" outside
  // every outer ring is another part of the parcel.
  const polygons: Position[][][] = [];
  for (const ring of rings) {
    const owner = ring.number === 1 ? undefined : polygons.find((p) => ringInsideRing(ring.coords, p[0]!));
    if (owner) owner.push(ring.coords);
    else {
      if (ring.number !== 1) report.push(warning(FormatIssueCode.holeOutsideOuter, `${label}的第 ${ring.number} 圈（第 ${ring.line} 行起）不在外圈内，已作为地块的另一部分（多面）读取`, { featureIndex: index }));
      polygons.push([ring.coords]);
    }
  }
  const geometry = polygons.length === 1 ? { type: 'Polygon' as const, coordinates: polygons[0]! } : { type: 'MultiPolygon' as const, coordinates: polygons };
  if (parcel.geometryKind && parcel.geometryKind !== '面') report.push(warning(FormatIssueCode.badHeader, `${label}的图形属性为“${parcel.geometryKind}”，已按面读取`, { featureIndex: index }));

  const computedHa = polygons.reduce((s, p) => s + polygonArea(p), 0) / 10_000;
  if (parcel.declaredAreaHa === null || parcel.declaredAreaHa === 0) {
    report.push(info(FormatIssueCode.areaMissing, `${label}没有填写地块面积（“${parcel.areaText}”），按坐标计算为 ${computedHa.toFixed(3)} 公顷`, { featureIndex: index, figures: { computedHa: round3(computedHa) } }));
  } else if (Math.abs(computedHa - parcel.declaredAreaHa) > AREA_TOLERANCE * parcel.declaredAreaHa) {
    report.push(
      warning(FormatIssueCode.areaMismatch, `${label}声明面积 ${parcel.declaredAreaHa.toFixed(3)} 公顷，按坐标计算为 ${computedHa.toFixed(3)} 公顷，相差 ${((Math.abs(computedHa - parcel.declaredAreaHa) / parcel.declaredAreaHa) * 100).toFixed(1)}%，请核对面积或坐标`, {
        featureIndex: index,
        figures: { declaredHa: round3(parcel.declaredAreaHa), computedHa: round3(computedHa) },
      }),
    );
  }
  const blankToNull = (s: string) => (s === '' ? null : s);
  return {
    type: 'Feature',
    geometry,
    properties: {
      code: blankToNull(parcel.code),
      name: blankToNull(parcel.name),
      use: blankToNull(parcel.use),
      landClassCode: blankToNull(parcel.landClassCode),
      declaredAreaHa: parcel.declaredAreaHa,
      geometryKind: blankToNull(parcel.geometryKind),
      mapSheet: blankToNull(parcel.mapSheet),
      ...(parcel.description ? { description: parcel.description } : {}),
    },
  };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
