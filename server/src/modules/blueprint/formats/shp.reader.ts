import type { Geometry, Position } from 'geojson';
import { FormatError } from './format-error.ts';
import { FormatIssueCode, warning, type Issue } from './format-issues.ts';
import { assemblePolygon } from './shp-polygon.ts';

export interface ShpContent {
  shapeType: number;
  geometries: Array<Geometry | null>;
  report: Issue[];
}

/** Shape types by their 2D base: Z (+10) and M (+20) variants are read as 2D. */
const BASE: Record<number, 'null' | 'point' | 'polyline' | 'polygon' | 'multipoint'> = {
  0: 'null', 1: 'point', 3: 'polyline', 5: 'polygon', 8: 'multipoint',
  11: 'point', 13: 'polyline', 15: 'polygon', 18: 'multipoint',
  21: 'point', 23: 'polyline', 25: 'polygon', 28: 'multipoint',
};

/**
 * Reads the .shp records in order (the .shx is not needed for a sequential read). The header's file
 * length and every record's content length are checked against the bytes before they are used.
 */
export function readShp(bytes: Uint8Array, fileName: string, maxRecords: number): ShpContent {
  const fail = (why: string, details?: Record<string, unknown>): never => {
    throw new FormatError(FormatIssueCode.shpInvalid, `图形文件“${fileName}”无法读取：${why}`, details);
  };
  if (bytes.length < 100) fail(`文件只有 ${bytes.length} 字节，不足 100 字节的文件头`);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (v.getInt32(0, false) !== 9994) fail('文件头标识不是 9994，不是 Shapefile 的 .shp 文件');
  const declared = v.getInt32(24, false) * 2;
  const report: Issue[] = [];
  if (declared > bytes.length) fail(`文件头声明长度 ${declared} 字节，但文件只有 ${bytes.length} 字节（文件不完整）`, { declared, actual: bytes.length });
  if (declared < 100) fail(`文件头声明长度 ${declared} 字节无效`);
  const shapeType = v.getInt32(32, true);
  const base = BASE[shapeType];
  if (!base) {
    throw new FormatError(FormatIssueCode.shpUnsupportedType, `图形文件“${fileName}”的图形类型 ${shapeType}${shapeType === 31 ? '（MultiPatch）' : ''}不受支持，只支持点、多点、线和面`, { shapeType });
  }

  const geometries: ShpContent['geometries'] = [];
  let o = 100;
  while (o + 8 <= declared) {
    const index = geometries.length;
    if (index >= maxRecords) {
      throw new FormatError(FormatIssueCode.tooManyFeatures, `图形文件“${fileName}”的要素超过上限 ${maxRecords} 个，请拆分后分批导入`, { limit: maxRecords });
    }
    const length = v.getInt32(o + 4, false) * 2;
    const start = o + 8;
    if (length < 4 || start + length > declared) fail(`第 ${index + 1} 条记录的长度 ${length} 字节超出文件范围`, { featureIndex: index });
    geometries.push(readRecord(v, start, length, index, fileName, report));
    o = start + length;
  }
  return { shapeType, geometries, report };
}

function readRecord(v: DataView, start: number, length: number, index: number, fileName: string, report: Issue[]): Geometry | null {
  const label = `第 ${index + 1} 个要素`;
  const fail = (why: string): never => {
    throw new FormatError(FormatIssueCode.shpInvalid, `图形文件“${fileName}”${label}无法读取：${why}`, { featureIndex: index });
  };
  const type = v.getInt32(start, true);
  const base = BASE[type];
  if (base === undefined) fail(`图形类型 ${type} 不受支持`);
  if (base === 'null') {
    report.push(warning(FormatIssueCode.nullGeometry, `${label}没有图形（空图形记录）`, { featureIndex: index }));
    return null;
  }
  const point = (at: number): Position => [v.getFloat64(at, true), v.getFloat64(at + 8, true)];
  if (base === 'point') {
    if (length < 20) fail('记录长度不足');
    const p = point(start + 4);
    if (!Number.isFinite(p[0]!) || !Number.isFinite(p[1]!) || p[0]! < -1e38) {
      report.push(warning(FormatIssueCode.nullGeometry, `${label}的坐标为空值`, { featureIndex: index }));
      return null;
    }
    return { type: 'Point', coordinates: p };
  }
  if (base === 'multipoint') {
    if (length < 40) fail('记录长度不足');
    const n = v.getInt32(start + 36, true);
    if (n < 0 || 40 + 16 * n > length) fail(`点数 ${n} 与记录长度 ${length} 字节不符`);
    const points = Array.from({ length: n }, (_, i) => point(start + 40 + 16 * i));
    return n ? { type: 'MultiPoint', coordinates: points } : (report.push(warning(FormatIssueCode.nullGeometry, `${label}没有点`, { featureIndex: index })), null);
  }
  if (length < 44) fail('记录长度不足');
  const numParts = v.getInt32(start + 36, true);
  const numPoints = v.getInt32(start + 40, true);
  if (numParts < 0 || numPoints < 0 || 44 + 4 * numParts + 16 * numPoints > length) fail(`部件数 ${numParts}、点数 ${numPoints} 与记录长度 ${length} 字节不符`);
  const pointsAt = start + 44 + 4 * numParts;
  const parts: Position[][] = [];
  for (let p = 0; p < numParts; p++) {
    const from = v.getInt32(start + 44 + 4 * p, true);
    const to = p + 1 < numParts ? v.getInt32(start + 48 + 4 * p, true) : numPoints;
    if (from < 0 || to > numPoints || from > to) fail(`第 ${p + 1} 个部件的起点序号 ${from} 无效`);
    parts.push(Array.from({ length: to - from }, (_, i) => point(pointsAt + 16 * (from + i))));
  }
  if (parts.length === 0) {
    report.push(warning(FormatIssueCode.nullGeometry, `${label}没有部件（空图形）`, { featureIndex: index }));
    return null;
  }
  if (base === 'polyline') {
    const lines = parts.filter((l) => l.length >= 2);
    if (lines.length < parts.length) report.push(warning(FormatIssueCode.degenerateRing, `${label}有 ${parts.length - lines.length} 段线不足 2 个点，已忽略`, { featureIndex: index }));
    if (!lines.length) return null;
    return lines.length === 1 ? { type: 'LineString', coordinates: lines[0]! } : { type: 'MultiLineString', coordinates: lines };
  }
  const { geometry, report: ringReport } = assemblePolygon(parts, index, label);
  report.push(...ringReport);
  if (!geometry) report.push(warning(FormatIssueCode.nullGeometry, `${label}没有有效的环，图形为空`, { featureIndex: index }));
  return geometry;
}
