import { SitingErrors } from '../../../../common/src/contract/siting.errors.ts';
import { badRequest } from '../../http/app-error.ts';

/** Limits of a site sent for analysis (issue 4 item 7). */
export const MAX_SITE_VERTICES = 100_000;
export const MAX_SITE_AREA_M2 = 100 * 1_000_000;

/** Reason codes of a refused site, one place (the client can key on them). */
export const SiteIssue = {
  notObject: SitingErrors.SITE_NOT_OBJECT,
  notPolygon: SitingErrors.SITE_NOT_POLYGON,
  badCoordinates: SitingErrors.SITE_BAD_COORDINATES,
  tooManyVertices: SitingErrors.SITE_TOO_MANY_VERTICES,
  notLonLat: SitingErrors.SITE_NOT_LONLAT,
  degenerate: SitingErrors.SITE_DEGENERATE,
  invalid: SitingErrors.SITE_INVALID,
  tooLarge: SitingErrors.SITE_TOO_LARGE,
  outsideCity: SitingErrors.SITE_OUTSIDE_CITY,
} as const;

type Position = [number, number];

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && (p.length === 2 || p.length === 3) && p.every((v) => typeof v === 'number' && Number.isFinite(v));

/**
 * Structural checks done in JS before the geometry reaches PostGIS: shape, vertex budget, lon/lat range,
 * ring length, closure and non-zero area. An unclosed or too-short ring makes GEOS throw, and an
 * exception inside GEOS can hang PGlite, so nothing that could make it throw goes further.
 * Validity proper (self-intersection) is ST_IsValid's job, the next step.
 */
export function checkSiteGeometry(value: unknown): GeoJSON.Polygon | GeoJSON.MultiPolygon {
  if (value === undefined || value === null) throw badRequest('缺少选址范围：请在 geometry 字段提供 GeoJSON 面（Polygon 或 MultiPolygon）', undefined, SiteIssue.notPolygon);
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest('选址范围（geometry）须为 GeoJSON 几何对象', undefined, SiteIssue.notPolygon);
  const g = value as { type?: unknown; coordinates?: unknown };
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    throw badRequest(`选址范围须为面（Polygon 或 MultiPolygon），收到的是 ${typeof g.type === 'string' ? g.type : '未知类型'}`, undefined, SiteIssue.notPolygon);
  }
  if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) throw badRequest('选址范围没有坐标（空的面）', undefined, SiteIssue.degenerate);
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown[];
  let vertices = 0;
  polygons.forEach((rings, pi) => {
    const where = g.type === 'MultiPolygon' ? `第 ${pi + 1} 个面的` : '';
    if (!Array.isArray(rings) || rings.length === 0) throw badRequest(`选址范围${where}坐标为空`, undefined, SiteIssue.degenerate);
    rings.forEach((ring: unknown, ri) => {
      const ringName = `${where}${ri === 0 ? '外环' : `第 ${ri} 个内环`}`;
      if (!Array.isArray(ring)) throw badRequest(`选址范围${ringName}不是坐标数组`, undefined, SiteIssue.badCoordinates);
      vertices += ring.length;
      if (vertices > MAX_SITE_VERTICES) throw badRequest(`选址范围的顶点超过 ${MAX_SITE_VERTICES.toLocaleString('en-US')} 个上限，请简化边界后再分析`, undefined, SiteIssue.tooManyVertices);
      for (const p of ring) {
        if (!isPosition(p)) throw badRequest(`选址范围${ringName}含有无效坐标 ${JSON.stringify(p)}：每个点须为 [经度, 纬度] 两个数字`, undefined, SiteIssue.badCoordinates);
        if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) {
          throw badRequest(`选址坐标不是经纬度（EPSG:4326）：点 (${p[0]}, ${p[1]}) 超出经纬度范围。投影坐标（如 CGCS2000 高斯-克吕格）请通过坐标文件导入转换`, undefined, SiteIssue.notLonLat);
        }
      }
      const positions = ring as Position[];
      if (positions.length < 4) throw badRequest(`选址范围${ringName}只有 ${positions.length} 个点，一个闭合的环至少需要 4 个点（首尾相同）`, undefined, SiteIssue.degenerate);
      const first = positions[0]!;
      const last = positions[positions.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1]) throw badRequest(`选址范围${ringName}没有闭合：首点与末点须相同`, undefined, SiteIssue.degenerate);
      if (collinear(positions)) throw badRequest(`选址范围${ringName}面积为零（点重合或共线），不是有效的面`, undefined, SiteIssue.degenerate);
    });
  });
  return value as GeoJSON.Polygon | GeoJSON.MultiPolygon;
}

// All positions on one line (or on one point): no area. A ring with zero signed area but points off the
// line (a symmetric bow-tie) is left to ST_IsValid, which names the self-intersection.
function collinear(ring: Position[]): boolean {
  const [a] = ring;
  const b = ring.find((p) => p[0] !== a![0] || p[1] !== a![1]);
  if (!b) return true;
  return ring.every((p) => (b[0] - a![0]) * (p[1] - a![1]) - (b[1] - a![1]) * (p[0] - a![0]) === 0);
}
