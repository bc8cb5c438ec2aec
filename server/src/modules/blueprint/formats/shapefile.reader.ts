import type { Feature } from 'geojson';
import { crsFromWkt } from './crs-detect.ts';
import { readDbf } from './dbf.reader.ts';
import { VertexBudget } from './feature-limits.ts';
import { FormatIssueCode, info, warning, type Issue } from './format-issues.ts';
import type { FormatLimits } from './format-limits.ts';
import type { RawParse } from './parsed-file.ts';
import { readShp } from './shp.reader.ts';
import { decodeText } from './text-decode.ts';
import type { ZipEntry } from './zip-archive.ts';

export const SHAPEFILE_PARTS = ['shp', 'shx', 'dbf', 'prj', 'cpg'] as const;

export interface ShapefileGroup {
  /** Base name without extension, as in the archive. */
  name: string;
  parts: Partial<Record<(typeof SHAPEFILE_PARTS)[number], ZipEntry>>;
}

const extensionOf = (baseName: string) => /\.([^.]+)$/.exec(baseName)?.[1]?.toLowerCase() ?? '';

/** Groups archive entries into shapefiles by base name (case-insensitive), folders ignored. */
export function groupShapefiles(entries: ZipEntry[], report: Issue[]): ShapefileGroup[] {
  const groups = new Map<string, ShapefileGroup>();
  for (const e of entries) {
    const ext = extensionOf(e.baseName) as (typeof SHAPEFILE_PARTS)[number];
    if (!SHAPEFILE_PARTS.includes(ext)) continue;
    const name = e.baseName.slice(0, -(ext.length + 1));
    const key = name.toLowerCase();
    const group = groups.get(key) ?? { name, parts: {} };
    if (group.parts[ext]) report.push(warning(FormatIssueCode.zipDuplicateEntry, `压缩包中有多个“${name}.${ext}”（${group.parts[ext]!.path}、${e.path}），只读取了第一个`));
    else group.parts[ext] = e;
    groups.set(key, group);
  }
  const withShp = [...groups.values()].filter((g) => g.parts.shp);
  for (const g of groups.values()) {
    if (!g.parts.shp) report.push(warning(FormatIssueCode.zipMissingPart, `压缩包中有“${g.name}”的附属文件但没有“${g.name}.shp”，已忽略`));
  }
  return withShp.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** One shapefile → features in record order with DBF attributes; records marked deleted are skipped. */
export function readShapefile(group: ShapefileGroup, limits: FormatLimits): RawParse {
  const { name, parts } = group;
  const report: Issue[] = [];
  const shp = readShp(parts.shp!.bytes, `${name}.shp`, limits.maxFeatures);
  report.push(...shp.report);
  let records: Array<Record<string, unknown> | null> = [];
  if (parts.dbf) {
    const cpg = parts.cpg ? decodeText(parts.cpg.bytes).text : undefined;
    const dbf = readDbf(parts.dbf.bytes, `${name}.dbf`, cpg, limits.maxFeatures);
    report.push(...dbf.report);
    records = dbf.records;
    if (records.length !== shp.geometries.length) {
      report.push(warning(FormatIssueCode.recordCountMismatch, `“${name}”的图形有 ${shp.geometries.length} 个，属性记录有 ${records.length} 条，数量不一致：已按图形数量读取，缺少的属性为空`, { figures: { shapes: shp.geometries.length, records: records.length } }));
    }
  } else {
    report.push(warning(FormatIssueCode.zipMissingPart, `缺少属性表“${name}.dbf”，要素将没有属性`));
  }
  if (!parts.shx) report.push(info(FormatIssueCode.zipMissingPart, `缺少索引文件“${name}.shx”（读取时不需要，但其他软件可能打不开该数据）`));

  let fileCrs: RawParse['fileCrs'] = { epsg: null };
  if (parts.prj) {
    const found = crsFromWkt(decodeText(parts.prj.bytes).text, `${name}.prj`);
    report.push(...found.issues);
    fileCrs = { epsg: found.epsg, detail: found.detail, legacyDatum: found.legacyDatum };
  } else {
    fileCrs = { epsg: null, detail: `没有“${name}.prj”` };
  }

  const features: Feature[] = [];
  const featureOfRecord = new Map<number, number>();
  const budget = new VertexBudget(`${name}.shp`, limits);
  shp.geometries.forEach((geometry, i) => {
    const record = parts.dbf ? records[i] : {};
    if (record === null) return;
    const feature: Feature = { type: 'Feature', geometry: geometry as Feature['geometry'], properties: { ...(record ?? {}) } };
    budget.add(feature, features.length, `第 ${i + 1} 条记录`);
    featureOfRecord.set(i, features.length);
    features.push(feature);
  });
  // Readers number findings by record; the caller sees features, which skip deleted records.
  const remapped = report.map(({ featureIndex, ...rest }) => {
    const mapped = featureIndex === undefined ? undefined : featureOfRecord.get(featureIndex);
    return mapped === undefined ? rest : { ...rest, featureIndex: mapped };
  });
  return { fileCrs, features, report: remapped };
}
