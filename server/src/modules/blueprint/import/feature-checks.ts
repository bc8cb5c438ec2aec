import type { Knex } from 'knex';
import { badRequest } from '../../../http/app-error.ts';
import { FormatIssueCode, type Issue } from '../formats/index.ts';
import { checkGeometries, sridKnown } from './geo-import.repository.ts';

/** Repair is refused when it changes a polygon's area by more than this share (0.1 %). */
export const MAX_REPAIR_AREA_CHANGE = 0.001;
const BATCH = 2000;

export interface CheckedFeature {
  index: number;
  properties: Record<string, unknown>;
  geometry: GeoJSON.Geometry;
  kind: 'polygon' | 'line' | 'point';
}

const KIND_OF: Record<string, CheckedFeature['kind']> = {
  ST_Polygon: 'polygon',
  ST_MultiPolygon: 'polygon',
  ST_LineString: 'line',
  ST_MultiLineString: 'line',
  ST_Point: 'point',
  ST_MultiPoint: 'point',
};

const label = (f: GeoJSON.Feature, i: number) => {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  const name = p.name ?? p.NAME ?? p['名称'] ?? p.code ?? p['地块编号'];
  return `第 ${i + 1} 个要素${name ? `（${String(name)}）` : ''}`;
};

/**
 * Transforms parsed features to EPSG:4326 in PostGIS and checks them. Invalid geometries are repaired
 * with ST_MakeValid and listed in the report, or refused (400, naming the feature) when repair changes
 * the area by more than 0.1 %, empties the geometry, or when the feature lies outside 聊城市.
 * Features without geometry are skipped with a warning. Runs inside the caller's transaction.
 */
export async function checkFeatures(db: Knex | Knex.Transaction, features: GeoJSON.Feature[], epsg: number): Promise<{ features: CheckedFeature[]; report: Issue[] }> {
  if (!(await sridKnown(db, epsg))) {
    throw badRequest(`系统不认识坐标系 EPSG:${epsg}（不在坐标系库中）：请检查 EPSG 代码，如 EPSG:4527（CGCS2000 3度带第 39 带）或 EPSG:4490（CGCS2000 经纬度）`, { epsg }, FormatIssueCode.crsUnknown);
  }
  const report: Issue[] = [];
  const withGeometry = features.map((f, i) => ({ f, i })).filter(({ f, i }) => {
    if (f.geometry) return true;
    report.push({ code: FormatIssueCode.geometryMissing, severity: 'warning', message: `${label(f, i)}没有几何图形，已跳过`, featureIndex: i });
    return false;
  });
  const out: CheckedFeature[] = [];
  for (let start = 0; start < withGeometry.length; start += BATCH) {
    const batch = withGeometry.slice(start, start + BATCH);
    for (const row of await checkGeometries(db, batch.map(({ f }) => f.geometry!), epsg)) {
      const { f, i } = batch[row.idx]!;
      const kind = KIND_OF[row.type];
      if (!row.in_city) throw badRequest(`${label(f, i)}不在聊城市范围内：请检查坐标系（当前按 EPSG:${epsg} 转换）或文件内容`, { featureIndex: i }, FormatIssueCode.outsideRegion);
      if (row.empty || !kind) throw badRequest(`${label(f, i)}的几何图形无效且无法修复（${row.reason ?? '空几何'}）`, { featureIndex: i }, FormatIssueCode.geometryInvalid);
      if (!row.valid) {
        const change = row.area_change ?? 0;
        if (change > MAX_REPAIR_AREA_CHANGE) {
          throw badRequest(
            `${label(f, i)}的几何图形无效（${row.reason}），自动修复会使面积变化 ${(change * 100).toFixed(2)}%，超过 0.1%：请在源数据中修正（如自相交的边界）后重新导入`,
            { featureIndex: i, reason: row.reason, areaChange: change },
            FormatIssueCode.geometryInvalid,
          );
        }
        report.push({ code: FormatIssueCode.geometryRepaired, severity: 'warning', message: `${label(f, i)}的几何图形无效（${row.reason}），已用 ST_MakeValid 修复，面积变化 ${(change * 100).toFixed(4)}%`, featureIndex: i, figures: { areaChange: change } });
      }
      out.push({ index: i, properties: (f.properties ?? {}) as Record<string, unknown>, geometry: JSON.parse(row.geometry), kind });
    }
  }
  return { features: out, report };
}
