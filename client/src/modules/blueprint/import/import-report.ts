import type { FeatureCollection } from 'geojson';
import type { DetectedCrs, ReportItem, ReportSeverity } from './import.types';

const SEVERITY_ORDER: Record<ReportSeverity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then notes; within a severity the server's order. */
export function sortReport(report: ReportItem[]): ReportItem[] {
  return report
    .map((item, index) => ({ item, index }))
    .sort((a, b) => SEVERITY_ORDER[a.item.severity] - SEVERITY_ORDER[b.item.severity] || a.index - b.index)
    .map(({ item }) => item);
}

export function countBySeverity(report: ReportItem[]): Record<ReportSeverity, number> {
  const counts: Record<ReportSeverity, number> = { error: 0, warning: 0, info: 0 };
  for (const item of report) counts[item.severity] += 1;
  return counts;
}

/** "第 3 个要素" for a finding about one feature (the server counts from 0). */
export function featureLabel(item: ReportItem): string | null {
  return item.featureIndex === undefined ? null : `第 ${item.featureIndex + 1} 个要素`;
}

const CRS_SOURCE_LABELS: Record<DetectedCrs['source'], string> = {
  file: '文件中声明',
  declared: '按所选坐标系',
  default: '未声明，按默认假定',
  none: '未能确定',
};

export const crsSourceLabel = (crs: DetectedCrs) => CRS_SOURCE_LABELS[crs.source] ?? crs.source;

const GEOMETRY_LABELS: Record<string, string> = {
  Polygon: '面',
  MultiPolygon: '面',
  LineString: '线',
  MultiLineString: '线',
  Point: '点',
  MultiPoint: '点',
};

/** "面 2 个" / "面 3 个、点 1 个": what the preview holds, by geometry kind. */
export function geometrySummary(collection: FeatureCollection): string {
  const counts = new Map<string, number>();
  for (const feature of collection.features) {
    const label = (feature.geometry && GEOMETRY_LABELS[feature.geometry.type]) || '其他';
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, n]) => `${label} ${n} 个`).join('、') || '无要素';
}

const FORMAT_LABELS: Record<string, string> = {
  geojson: 'GeoJSON',
  shapefile: 'Shapefile',
  kml: 'KML/KMZ',
  'coordinate-file': '坐标文件',
};

export const formatLabel = (format: string) => FORMAT_LABELS[format] ?? format;

/** A layer name from a file name: without the extension and the usual noise, at most 40 characters. */
export function layerNameFromFile(fileName: string): string {
  const base = fileName.replace(/\.[^.]+$/, '').replace(/[_\s]+/g, ' ').trim();
  return base.slice(0, 40);
}
