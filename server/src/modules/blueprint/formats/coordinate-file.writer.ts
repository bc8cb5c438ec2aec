import type { Feature, Position } from 'geojson';
import { extentMismatch } from './crs-resolve.ts';
import { FormatError } from './format-error.ts';
import { FormatIssueCode, warning, type Issue } from './format-issues.ts';
import { extentOf, isClosed, polygonArea } from './geometry-utils.ts';
import { gkEpsg, type ZoneWidth } from './gk-crs.ts';
import { encodeText } from './text-decode.ts';

export interface CoordinateFileWriteOptions {
  zone: number;
  /** Whether the eastings carry the zone prefix (EPSG 4513+ rather than 4534+). */
  prefixed: boolean;
  encoding: 'gbk' | 'utf8';
  zoneWidth?: ZoneWidth;
  producedBy?: string;
  /** 数据产生日期, default today (YYYY-MM-DD). */
  date?: string;
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/**
 * Writes features (Polygon/MultiPolygon already in the GK CRS of `zone`/`prefixed`, [easting, northing])
 * as a 坐标文件 with CRLF line ends. Each polygon part's outer ring and holes get consecutive 圈号, so
 * the parser reads a multi-part parcel back as one. Properties used: code, name, use, landClassCode,
 * declaredAreaHa (else the computed area), mapSheet, description. Commas inside values would break the
 * fields, so they become full-width (reported).
 */
export function writeCoordinateFile(features: Feature[], options: CoordinateFileWriteOptions): { bytes: Uint8Array; report: Issue[] } {
  const width = options.zoneWidth ?? 3;
  const epsg = gkEpsg(options.zone, options.prefixed, width);
  if (epsg === null) throw new FormatError(FormatIssueCode.zoneUnknown, `带号 ${options.zone} 不是 CGCS2000 ${width} 度带的带号`);
  const extent = extentOf(features);
  const mismatch = extent && extentMismatch(extent, epsg);
  if (mismatch) throw new FormatError(FormatIssueCode.crsMismatch, `要写出的坐标不在第 ${options.zone} 带${options.prefixed ? '（含带号）' : '（不含带号）'}：${mismatch}`);

  const report: Issue[] = [];
  const clean = (v: unknown, index: number, what: string) => {
    const s = str(v);
    const out = s.replace(/,/g, '，').replace(/[\r\n]+/g, ' ');
    if (out !== s) report.push(warning(FormatIssueCode.valueSanitised, `第 ${index + 1} 个地块的${what}含逗号或换行，已替换为全角逗号或空格`, { featureIndex: index }));
    return out;
  };
  const lines = [
    '[属性描述]',
    '格式版本号=1.0',
    `数据产生单位=${options.producedBy ?? ''}`,
    `数据产生日期=${options.date ?? new Date().toISOString().slice(0, 10)}`,
    '坐标系=2000国家大地坐标系',
    `几度分带=${width}`,
    '投影类型=高斯克吕格',
    '计量单位=米',
    `带号=${options.zone}`,
    '精度=0.001',
    '转换参数=,,,,,,',
    '[地块坐标]',
  ];
  features.forEach((f, index) => {
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      throw new FormatError(FormatIssueCode.mixedGeometry, `第 ${index + 1} 个要素不是面（${g?.type ?? '无图形'}），坐标文件只能写出面状地块`, { featureIndex: index });
    }
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const rings = polygons.flat().map((r): Position[] => (isClosed(r) ? r : [...r, r[0]!]));
    const p = f.properties ?? {};
    const areaHa = typeof p.declaredAreaHa === 'number' && Number.isFinite(p.declaredAreaHa) ? String(p.declaredAreaHa) : (polygons.reduce((s, rs) => s + polygonArea(rs), 0) / 10_000).toFixed(4);
    const pointCount = rings.reduce((s, r) => s + r.length, 0);
    const header = [String(pointCount), areaHa, clean(p.code, index, '地块编号'), clean(p.name, index, '地块名称'), '面', clean(p.mapSheet, index, '图幅号'), clean(p.use, index, '地块用途'), clean(p.landClassCode, index, '地类编码')];
    if (str(p.description) !== '') header.push(clean(p.description, index, '描述'));
    lines.push([...header, '@'].join(','));
    let n = 0;
    rings.forEach((ring, r) => {
      const firstName = `J${n + 1}`;
      ring.forEach((pos, i) => {
        const name = i === ring.length - 1 ? firstName : `J${++n}`;
        lines.push(`${name},${r + 1},${pos[1]!.toFixed(3)},${pos[0]!.toFixed(3)}`);
      });
    });
  });
  return { bytes: encodeText(lines.join('\r\n') + '\r\n', options.encoding), report };
}
