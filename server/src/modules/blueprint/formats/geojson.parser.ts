import { inspectJson, MAX_JSON_DEPTH } from '../../../../../common/src/json-inspect.ts';
import type { Feature, Geometry, Position } from 'geojson';
import { epsgFromGeoJsonCrs } from './crs-detect.ts';
import { checkFeatureCount, VertexBudget } from './feature-limits.ts';
import { FormatError } from './format-error.ts';
import { FormatIssueCode, warning, type Issue } from './format-issues.ts';
import type { FormatLimits } from './format-limits.ts';
import { to2d } from './geometry-normalize.ts';
import { distinctCount, isClosed } from './geometry-utils.ts';
import { jsonErrorOffset } from './json-position.ts';
import type { RawParse } from './parsed-file.ts';
import { decodeText } from './text-decode.ts';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

function jsonError(text: string, e: Error, fileName: string): FormatError {
  const at = /position (\d+)/.exec(e.message)?.[1];
  const offset = at !== undefined ? Number(at) : jsonErrorOffset(text);
  const line = offset >= 0 ? text.slice(0, offset).split('\n').length : undefined;
  return new FormatError(FormatIssueCode.jsonInvalid, `文件“${fileName}”不是有效的 JSON${line ? `（第 ${line} 行附近）` : ''}：${e.message}`, line ? { line } : undefined);
}

/** Checks the nesting of coordinates; closes unclosed polygon rings (reported) and refuses degenerate ones. */
function checkGeometry(g: Geometry, fail: (why: string) => never, fixes: string[]): Geometry {
  const position = (p: unknown): Position => {
    if (!Array.isArray(p) || p.length < 2 || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) fail(`坐标 ${JSON.stringify(p)?.slice(0, 60)} 不是数字对`);
    return p as Position;
  };
  const list = (a: unknown, what: string): unknown[] => (Array.isArray(a) ? a : fail(`${what}不是数组`));
  const line = (a: unknown) => {
    const l = list(a, '线').map(position);
    return l.length >= 2 ? l : fail('线少于 2 个点');
  };
  const ring = (a: unknown) => {
    const r = list(a, '环').map(position);
    if (distinctCount(r) < 3) fail(`面的环只有 ${distinctCount(r)} 个不同的点，至少需要 3 个`);
    if (!isClosed(r)) {
      fixes.push('环未闭合，已自动闭合');
      return [...r, r[0]!];
    }
    return r;
  };
  const polygon = (a: unknown) => list(a, '面').map(ring);
  const c = (g as { coordinates?: unknown }).coordinates;
  switch (g.type) {
    case 'Point':
      return { type: g.type, coordinates: position(c) };
    case 'MultiPoint':
      return { type: g.type, coordinates: list(c, '多点').map(position) };
    case 'LineString':
      return { type: g.type, coordinates: line(c) };
    case 'MultiLineString':
      return { type: g.type, coordinates: list(c, '多线').map(line) };
    case 'Polygon':
      return { type: g.type, coordinates: polygon(c) };
    case 'MultiPolygon':
      return { type: g.type, coordinates: list(c, '多面').map(polygon) };
    case 'GeometryCollection':
      return { type: g.type, geometries: list(g.geometries, '几何集合').map((x) => checkGeometry(x as Geometry, fail, fixes)) };
    default:
      return fail(`图形类型“${(g as { type?: unknown }).type}”无效`);
  }
}

/** GeoJSON: a FeatureCollection, a Feature or a bare geometry; the old `crs` member is honoured. */
export function parseGeoJson(bytes: Uint8Array, fileName: string, limits: FormatLimits): RawParse {
  const { text } = decodeText(bytes);
  let root: { type?: unknown; features?: unknown; crs?: unknown };
  try {
    root = JSON.parse(text);
  } catch (e) {
    throw jsonError(text, e as Error, fileName);
  }
  if (!root || typeof root !== 'object') throw new FormatError(FormatIssueCode.geojsonInvalid, `文件“${fileName}”不是 GeoJSON（内容不是对象）`);
  // Checked without recursion before anything walks the tree: a hostile depth would overflow the stack.
  if (inspectJson(root)?.kind === 'depth') throw new FormatError(FormatIssueCode.geojsonInvalid, `文件“${fileName}”的嵌套超过 ${MAX_JSON_DEPTH} 层，不是有效的 GeoJSON`);
  let items: unknown[];
  if (root.type === 'FeatureCollection') {
    if (!Array.isArray(root.features)) throw new FormatError(FormatIssueCode.geojsonInvalid, `文件“${fileName}”的 FeatureCollection 缺少 features 数组`);
    items = root.features;
  } else if (root.type === 'Feature') items = [root];
  else if (GEOMETRY_TYPES.has(String(root.type))) items = [{ type: 'Feature', geometry: root, properties: {} }];
  else throw new FormatError(FormatIssueCode.geojsonInvalid, `文件“${fileName}”不是 GeoJSON：type 为“${String(root.type)}”，应为 FeatureCollection、Feature 或几何类型`);
  checkFeatureCount(items.length, fileName, limits);

  const report: Issue[] = [];
  const budget = new VertexBudget(fileName, limits);
  const features = items.map((item, index): Feature => {
    const f = item as Partial<Feature> | null;
    const fail = (why: string): never => {
      throw new FormatError(FormatIssueCode.geojsonInvalid, `文件“${fileName}”的第 ${index + 1} 个要素无效：${why}`, { featureIndex: index });
    };
    if (!f || f.type !== 'Feature') fail(`type 应为 Feature`);
    let geometry: Geometry | null = null;
    if (f!.geometry === null || f!.geometry === undefined) report.push(warning(FormatIssueCode.nullGeometry, `第 ${index + 1} 个要素没有图形`, { featureIndex: index }));
    else {
      const fixes: string[] = [];
      geometry = to2d(checkGeometry(f!.geometry, fail, fixes));
      if (fixes.length) report.push(warning(FormatIssueCode.ringNotClosed, `第 ${index + 1} 个要素的${fixes.length} 个环未闭合，已自动闭合`, { featureIndex: index }));
      if (geometry.type === 'GeometryCollection') report.push(warning(FormatIssueCode.geometryCollection, `第 ${index + 1} 个要素是几何集合（GeometryCollection），请拆分为单一类型后导入`, { featureIndex: index }));
    }
    const properties = f!.properties && typeof f!.properties === 'object' ? f!.properties : {};
    const feature = { type: 'Feature', ...(f!.id !== undefined ? { id: f!.id } : {}), geometry, properties } as Feature;
    budget.add(feature, index);
    return feature;
  });

  const epsg = epsgFromGeoJsonCrs(root.crs);
  if (epsg === null) report.push(warning(FormatIssueCode.crsUnrecognised, `文件“${fileName}”的 crs 成员 ${JSON.stringify(root.crs).slice(0, 120)} 无法识别，已忽略`));
  return { fileCrs: epsg ? { epsg, detail: 'GeoJSON crs 成员' } : { epsg: null }, features, report };
}
