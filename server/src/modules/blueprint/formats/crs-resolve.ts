import type { Feature } from 'geojson';
import { FormatError } from './format-error.ts';
import { FormatIssueCode, info, warning, type Issue } from './format-issues.ts';
import { extentOf, type Extent } from './geometry-utils.ts';
import { crsLabel, describeEpsg } from './gk-crs.ts';
import type { CrsInfo } from './parsed-file.ts';

/** What the reader found in the file itself. */
export interface FileCrs {
  epsg: number | null;
  detail?: string;
  legacyDatum?: string;
  /** CRS a format defines for itself (KML, RFC 7946 GeoJSON) as opposed to one written in the file. */
  implied?: boolean;
}

const fmt = (n: number) => (Math.abs(n) >= 1000 ? n.toFixed(3) : n.toFixed(6));
const looksGeographic = (e: Extent) => e.minX >= -180 && e.maxX <= 180 && e.minY >= -90 && e.maxY <= 90;
const HINT = '例如 EPSG:4527（CGCS2000 3度带第 39 带，坐标含带号）、EPSG:4548（同一带不含带号）或 EPSG:4490（CGCS2000 经纬度）';

/** Why the coordinates cannot be in this CRS, or null when they can (only CRSs we know are checked). */
export function extentMismatch(e: Extent, epsg: number): string | null {
  const d = describeEpsg(epsg);
  const range = `坐标范围 x ${fmt(e.minX)}～${fmt(e.maxX)}，y ${fmt(e.minY)}～${fmt(e.maxY)}`;
  if (!d) return null;
  if (d.kind === 'geographic') return looksGeographic(e) ? null : `${range} 不是经纬度，与 ${crsLabel(epsg)} 不符`;
  const eastingOk = (x: number) => {
    const local = x - (d.prefixed ? d.zone * 1_000_000 : 0);
    return local > 0 && local < 1_000_000;
  };
  if (!eastingOk(e.minX) || !eastingOk(e.maxX) || e.minY < 0 || e.maxY > 10_000_000) {
    return `${range} 与 ${crsLabel(epsg)} 不符（该坐标系的横坐标应在 ${d.prefixed ? `${d.zone}000000～${d.zone}999999` : '0～999999'} 之间）`;
  }
  return null;
}

/**
 * Final CRS of a parsed file: the declared EPSG overrides or fills what the file says; with neither,
 * lon/lat-looking values are assumed to be `lonLatDefault` (reported) and projected-looking ones are
 * refused. Coordinates that cannot be in the chosen CRS are refused too (a wrong CRS would put the
 * parcel hundreds of kilometres away without anybody noticing).
 */
export function resolveCrs(file: FileCrs, features: Feature[], fileName: string, declaredEpsg: number | undefined, lonLatDefault: 4490 | 4326): { crs: CrsInfo; report: Issue[] } {
  const report: Issue[] = [];
  const extent = extentOf(features);
  const check = (epsg: number, how: string) => {
    const why = extent && extentMismatch(extent, epsg);
    if (why) throw new FormatError(FormatIssueCode.crsMismatch, `文件“${fileName}”${how}：${why}。请检查或声明正确的坐标系，${HINT}`, { epsg, extent });
  };
  if (declaredEpsg !== undefined) {
    if (!Number.isInteger(declaredEpsg) || declaredEpsg <= 0) throw new FormatError(FormatIssueCode.crsUnknown, `声明的坐标系“${declaredEpsg}”不是有效的 EPSG 代码`);
    if (file.legacyDatum) {
      report.push(warning(FormatIssueCode.crsDeclaredOverrides, `文件标明的坐标系为${file.legacyDatum}坐标系，已按声明的 ${crsLabel(declaredEpsg)} 读取，未做基准转换，请确认坐标已转换为 CGCS2000`));
    } else if (file.epsg !== null && file.epsg !== declaredEpsg && !file.implied) {
      report.push(warning(FormatIssueCode.crsDeclaredOverrides, `文件中的坐标系为 ${crsLabel(file.epsg)}，已按声明的 ${crsLabel(declaredEpsg)} 读取`, { figures: { fileEpsg: file.epsg, declaredEpsg } }));
    } else {
      report.push(info(FormatIssueCode.crsDeclared, `坐标系按声明为 ${crsLabel(declaredEpsg)}`));
    }
    check(declaredEpsg, `按声明的坐标系 EPSG:${declaredEpsg} 读取时`);
    return { crs: { epsg: declaredEpsg, source: 'declared', detail: file.detail }, report };
  }
  if (file.legacyDatum) {
    throw new FormatError(
      FormatIssueCode.crsLegacyDatum,
      `文件“${fileName}”的坐标系为${file.legacyDatum}坐标系（${file.detail ?? ''}）：系统只接收 2000 国家大地坐标系（CGCS2000），请先用转换参数转换为 CGCS2000 后再导入；如确认坐标已是 CGCS2000，请在导入时声明坐标系，${HINT}`,
      { legacyDatum: file.legacyDatum },
    );
  }
  if (file.epsg !== null) {
    check(file.epsg, `标明的坐标系为 EPSG:${file.epsg}`);
    report.push(info(FormatIssueCode.crsFromFile, `坐标系：${crsLabel(file.epsg)}${file.detail ? `（依据 ${file.detail}）` : ''}`));
    return { crs: { epsg: file.epsg, source: 'file', detail: file.detail }, report };
  }
  if (!extent) return { crs: { epsg: null, source: 'none' }, report };
  if (!looksGeographic(extent)) {
    throw new FormatError(
      FormatIssueCode.crsUnknown,
      `文件“${fileName}”没有坐标系信息，且坐标（x ${fmt(extent.minX)}～${fmt(extent.maxX)}，y ${fmt(extent.minY)}～${fmt(extent.maxY)}）是投影坐标而非经纬度：请在导入时声明坐标系，${HINT}`,
      { extent },
    );
  }
  report.push(info(FormatIssueCode.crsAssumed, `文件“${fileName}”没有坐标系信息，坐标为经纬度，已按 ${crsLabel(lonLatDefault)} 读取；如不是，请声明坐标系`));
  return { crs: { epsg: lonLatDefault, source: 'default', detail: '按经纬度默认' }, report };
}
