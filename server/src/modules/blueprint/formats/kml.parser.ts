import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import iconv from 'iconv-lite';
import type { Feature, FeatureCollection } from 'geojson';
import { checkFeatureCount, VertexBudget } from './feature-limits.ts';
import { FormatError } from './format-error.ts';
import { FormatIssueCode, warning, type Issue } from './format-issues.ts';
import type { FormatLimits } from './format-limits.ts';
import { collapseCollection, to2d } from './geometry-normalize.ts';
import { WGS84 } from './gk-crs.ts';
import type { RawParse } from './parsed-file.ts';
import { decodeText, decodeWith } from './text-decode.ts';

/** togeojson's rendering hints: not attributes of the feature. */
const STYLE_KEYS = /^(styleUrl|styleHash|styleMap|stroke|stroke-opacity|stroke-width|fill|fill-opacity|icon|icon-.*|label-.*|visibility)$/;

/** KML text: the XML declaration's encoding if it names one we know (GBK KML exists), else UTF-8/GBK by content. */
function kmlText(bytes: Uint8Array): string {
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.-]+)["']/i.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 200)))?.[1];
  if (declared && !/^utf-?8$/i.test(declared) && iconv.encodingExists(declared)) return decodeWith(bytes, declared).replace(/^\uFEFF/, '');
  return decodeText(bytes).text;
}

/** KML (always WGS84 lon/lat by its spec) → features; Placemark name, description and ExtendedData become properties. */
export function parseKml(bytes: Uint8Array, fileName: string, limits: FormatLimits): RawParse {
  const errors: string[] = [];
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') errors.push(message);
      },
    }).parseFromString(kmlText(bytes), 'text/xml');
  } catch (e) {
    const where = (e as { locator?: { lineNumber?: number } }).locator?.lineNumber;
    throw new FormatError(FormatIssueCode.xmlInvalid, `文件“${fileName}”不是有效的 KML/XML${where ? `（第 ${where} 行）` : ''}：${(e as Error).message}`);
  }
  if (errors.length) throw new FormatError(FormatIssueCode.xmlInvalid, `文件“${fileName}”不是有效的 KML/XML：${errors[0]}`);
  const root = doc.documentElement;
  if (!root || root.localName !== 'kml') throw new FormatError(FormatIssueCode.xmlInvalid, `文件“${fileName}”的根元素是“${root?.nodeName ?? '无'}”而不是 kml，不是 KML 文件`);

  const collection = kml(doc as unknown as Document) as FeatureCollection;
  checkFeatureCount(collection.features.length, fileName, limits);
  const report: Issue[] = [];
  const budget = new VertexBudget(fileName, limits);
  const features = collection.features.map((f, index): Feature => {
    const properties = Object.fromEntries(Object.entries(f.properties ?? {}).filter(([k]) => !STYLE_KEYS.test(k)));
    const label = `第 ${index + 1} 个地标${properties.name ? `“${properties.name}”` : ''}`;
    const geometry = f.geometry ? collapseCollection(to2d(f.geometry)) : null;
    if (!geometry) report.push(warning(FormatIssueCode.nullGeometry, `${label}没有图形`, { featureIndex: index }));
    else if (geometry.type === 'GeometryCollection') {
      report.push(warning(FormatIssueCode.geometryCollection, `${label}混合了点、线、面（MultiGeometry），请拆分后导入`, { featureIndex: index }));
    }
    const feature = { type: 'Feature', geometry, properties } as Feature;
    budget.add(feature, index, label);
    return feature;
  });
  return { fileCrs: { epsg: WGS84, detail: 'KML 规范（WGS84 经纬度）', implied: true }, features, report };
}
