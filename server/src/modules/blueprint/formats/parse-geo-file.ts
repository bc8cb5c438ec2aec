import { parseCoordinateFile } from './coordinate-file.parser.ts';
import { resolveCrs } from './crs-resolve.ts';
import { checkFileSize } from './feature-limits.ts';
import { FormatError } from './format-error.ts';
import { FormatIssueCode, info, warning, type Issue } from './format-issues.ts';
import { resolveLimits, type FormatLimits } from './format-limits.ts';
import { parseGeoJson } from './geojson.parser.ts';
import { parseKml } from './kml.parser.ts';
import type { GeoFileFormat, ParsedFile, ParsedGeoFile, ParsedLayer, RawParse } from './parsed-file.ts';
import { groupShapefiles, readShapefile, SHAPEFILE_PARTS } from './shapefile.reader.ts';
import { decodeWith } from './text-decode.ts';
import { readZip } from './zip-archive.ts';

export interface ParseOptions {
  /** EPSG code the user says the coordinates are in: overrides or fills what the file says. */
  declaredEpsg?: number;
  limits?: Partial<FormatLimits>;
  /** For a zip with several shapefiles: the base name of the one to return as the result. */
  layer?: string;
}

const LONLAT_DEFAULT: Record<GeoFileFormat, 4490 | 4326> = { geojson: 4326, kml: 4326, shapefile: 4490, 'coordinate-file': 4490 };
const TEXT_FORMATS: Record<string, GeoFileFormat> = { geojson: 'geojson', json: 'geojson', kml: 'kml', txt: 'coordinate-file' };

function finish(format: GeoFileFormat, raw: RawParse, name: string, options: ParseOptions): ParsedFile {
  const { crs, report } = resolveCrs(raw.fileCrs, raw.features, name, options.declaredEpsg, LONLAT_DEFAULT[format]);
  return { format, crs, features: raw.features, report: [...raw.report, ...report] };
}

/** Which reader a file goes to: by extension, and by content when the extension says nothing useful. */
function sniff(bytes: Uint8Array, fileName: string): GeoFileFormat | 'zip' | 'kmz' | null {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'zip') return 'zip';
  if (ext === 'kmz') return 'kmz';
  if (TEXT_FORMATS[ext]) return TEXT_FORMATS[ext]!;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'zip';
  const start = bytes.subarray(0, 512);
  const head = new TextDecoder().decode(start).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return 'geojson';
  if (head.startsWith('<') && /<kml[\s>]/.test(head)) return 'kml';
  const gbkHead = decodeWith(start, 'gb18030').trimStart();
  if ([head, gbkHead].some((h) => h.startsWith('[属性描述]') || h.startsWith('[地块坐标]'))) return 'coordinate-file';
  return null;
}

function parseText(format: GeoFileFormat, bytes: Uint8Array, name: string, limits: FormatLimits, options: ParseOptions): ParsedFile {
  if (bytes.length <= 4096 && new TextDecoder().decode(bytes).trim() === '') {
    throw new FormatError(FormatIssueCode.emptyFile, `文件“${name}”是空的`);
  }
  const raw = format === 'geojson' ? parseGeoJson(bytes, name, limits) : format === 'kml' ? parseKml(bytes, name, limits) : parseCoordinateFile(bytes, name, limits);
  return finish(format, raw, name, options);
}

function parseZip(bytes: Uint8Array, fileName: string, limits: FormatLimits, options: ParseOptions, kmz: boolean): ParsedGeoFile {
  const wanted = (base: string) => {
    const ext = /\.([^.]+)$/.exec(base)?.[1]?.toLowerCase() ?? '';
    return kmz ? ext === 'kml' : (SHAPEFILE_PARTS as readonly string[]).includes(ext) || ext in TEXT_FORMATS;
  };
  const entries = readZip(bytes, fileName, limits, wanted);
  const zipReport: Issue[] = [];
  const groups = kmz ? [] : groupShapefiles(entries, zipReport);
  if (groups.length === 0) {
    // A KMZ, or a zip holding one KML/GeoJSON/坐标文件 instead of a shapefile.
    const texts = entries.filter((e) => (kmz ? /\.kml$/i : /\.(kml|geojson|json|txt)$/i).test(e.baseName));
    const chosen = texts.find((e) => e.baseName.toLowerCase() === 'doc.kml') ?? (texts.length === 1 ? texts[0] : undefined);
    if (!chosen) {
      throw new FormatError(
        FormatIssueCode.zipNoShapefile,
        kmz ? `KMZ 文件“${fileName}”中没有 KML（doc.kml）` : `压缩包“${fileName}”中没有 Shapefile（.shp 及同名的 .dbf、.prj 等）${texts.length > 1 ? `，而有 ${texts.length} 个其他数据文件，请每次只导入一个` : ''}`,
      );
    }
    const inner = parseText(TEXT_FORMATS[chosen.baseName.split('.').pop()!.toLowerCase()]!, chosen.bytes, chosen.baseName, limits, options);
    return { ...inner, report: [...zipReport, info(FormatIssueCode.zipEntryRead, `已读取压缩包中的“${chosen.path}”`), ...inner.report] };
  }
  const layers: ParsedLayer[] = groups.map((g) => ({ name: g.name, ...finish('shapefile', readShapefile(g, limits), `${g.name}.shp`, options) }));
  if (layers.length === 1) {
    const { name: _name, ...only } = layers[0]!;
    return { ...only, report: [...zipReport, ...only.report] };
  }
  if (options.layer !== undefined) {
    const picked = layers.find((l) => l.name === options.layer);
    if (!picked) throw new FormatError(FormatIssueCode.layerNotFound, `压缩包“${fileName}”中没有图层“${options.layer}”，现有图层：${layers.map((l) => l.name).join('、')}`);
    const { name: _name, ...rest } = picked;
    return { ...rest, report: [...zipReport, ...rest.report], layers };
  }
  return {
    format: 'shapefile',
    crs: { epsg: null, source: 'none' },
    features: [],
    layers,
    report: [...zipReport, warning(FormatIssueCode.multipleLayers, `压缩包“${fileName}”中有 ${layers.length} 个图层（${layers.map((l) => l.name).join('、')}），已分别读取，请选择要导入的图层`, { figures: { layers: layers.length } })],
  };
}

/**
 * Reads a file a user uploads: GeoJSON (.geojson/.json), shapefile in a zip (.zip), KML/KMZ, or a
 * 坐标文件 (.txt). Coordinates stay in the file's CRS, named in `crs` as an EPSG code; findings are in
 * `report`; a file that cannot be read throws a FormatError with a Chinese message.
 */
export function parseGeoFile(bytes: Uint8Array, fileName: string, options: ParseOptions = {}): ParsedGeoFile {
  const limits = resolveLimits(options.limits);
  checkFileSize(bytes, fileName, limits);
  const kind = sniff(bytes, fileName);
  if (kind === null) {
    throw new FormatError(FormatIssueCode.unsupportedFormat, `无法识别文件“${fileName}”的格式：支持 GeoJSON（.geojson/.json）、Shapefile 压缩包（.zip）、KML/KMZ 和坐标文件（.txt）`);
  }
  const result: ParsedGeoFile = kind === 'zip' || kind === 'kmz' ? parseZip(bytes, fileName, limits, options, kind === 'kmz') : parseText(kind, bytes, fileName, limits, options);
  const total = result.layers ? result.layers.reduce((s, l) => s + l.features.length, 0) : result.features.length;
  if (total === 0) throw new FormatError(FormatIssueCode.noFeatures, `文件“${fileName}”中没有任何要素`);
  for (const layer of result.layers ?? []) {
    if (layer.features.length === 0) layer.report.push(warning(FormatIssueCode.noFeatures, `图层“${layer.name}”中没有要素`));
  }
  return result;
}
