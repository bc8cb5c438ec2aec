import { FormatError } from './format-error.ts';
import { FormatIssueCode } from './format-issues.ts';

/** A 坐标文件 split into its attribute section and parcels, before any geometry is made. */
export interface CoordinateFileText {
  attributes: Map<string, { value: string; line: number }>;
  parcels: RawParcel[];
}

export interface RawParcel {
  line: number;
  declaredPointCount: number | null;
  declaredAreaHa: number | null;
  /** The area field as written, for messages. */
  areaText: string;
  code: string;
  name: string;
  geometryKind: string;
  mapSheet: string;
  use: string;
  landClassCode: string;
  description: string;
  points: RawPoint[];
}

export interface RawPoint {
  line: number;
  name: string;
  ring: number;
  x: number;
  y: number;
  xText: string;
  yText: string;
}

const SECTION = /^\[\s*(.*?)\s*\]$/;
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;
const KNOWN_SECTIONS = new Set(['属性描述', '地块坐标']);

const isHeader = (f: string[]) => f[f.length - 1] === '@' || (f.length >= 8 && ['点', '线', '面'].includes(f[4] ?? ''));

function parseHeader(f: string[], line: number, fileName: string): RawParcel {
  const fields = f[f.length - 1] === '@' ? f.slice(0, -1) : f;
  if (fields.length < 8) {
    throw new FormatError(FormatIssueCode.badHeader, `文件“${fileName}”第 ${line} 行的地块信息只有 ${fields.length} 项，应为：界址点数,地块面积,地块编号,地块名称,图形属性,图幅号,地块用途,地类编码,@`, { line });
  }
  const areaText = fields[1]!;
  const areaNumber = areaText.replace(/\s*(公顷|ha)\s*$/i, '');
  const count = fields[0]!;
  return {
    line,
    declaredPointCount: /^\d+$/.test(count) ? Number(count) : null,
    declaredAreaHa: NUMBER.test(areaNumber) ? Number(areaNumber) : null,
    areaText,
    code: fields[2]!,
    name: fields[3]!,
    geometryKind: fields[4]!,
    mapSheet: fields[5]!,
    use: fields[6]!,
    landClassCode: fields[7]!,
    description: fields.slice(8).join(','),
    points: [],
  };
}

function parsePoint(f: string[], line: number, fileName: string): RawPoint {
  while (f.length > 4 && f[f.length - 1] === '') f.pop();
  if (f.length !== 4) {
    throw new FormatError(FormatIssueCode.badPointLine, `文件“${fileName}”第 ${line} 行既不是地块信息也不是界址点（界址点应为：点号,圈号,X,Y）`, { line });
  }
  const [name, ringText, xText, yText] = f as [string, string, string, string];
  for (const [axis, text] of [['X', xText], ['Y', yText]] as const) {
    if (!NUMBER.test(text)) throw new FormatError(FormatIssueCode.nonNumericCoordinate, `文件“${fileName}”第 ${line} 行界址点 ${name} 的 ${axis} 坐标“${text}”不是数字`, { line });
  }
  if (!/^\d+$/.test(ringText) || Number(ringText) < 1) {
    throw new FormatError(FormatIssueCode.badPointLine, `文件“${fileName}”第 ${line} 行界址点 ${name} 的圈号“${ringText}”不是正整数（1 为外圈，2、3… 为内圈）`, { line });
  }
  return { line, name, ring: Number(ringText), x: Number(xText), y: Number(yText), xText, yText };
}

/** Splits the text into sections, attributes, parcel headers and point lines, with line numbers. */
export function splitCoordinateFile(text: string, fileName: string): CoordinateFileText {
  const attributes: CoordinateFileText['attributes'] = new Map();
  const parcels: RawParcel[] = [];
  let section: string | null = null;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const content = raw.trim();
    if (content === '') return;
    const sec = SECTION.exec(content);
    if (sec) {
      if (!KNOWN_SECTIONS.has(sec[1]!)) {
        throw new FormatError(FormatIssueCode.unknownSection, `文件“${fileName}”第 ${line} 行的节“[${sec[1]}]”无法识别，坐标文件只有 [属性描述] 和 [地块坐标] 两节`, { line });
      }
      section = sec[1]!;
      return;
    }
    const eq = content.indexOf('=');
    if (section === '属性描述' || (section === null && eq > 0 && !content.includes(','))) {
      if (eq > 0) attributes.set(content.slice(0, eq).trim(), { value: content.slice(eq + 1).trim(), line });
      return;
    }
    const fields = content.split(',').map((s) => s.trim());
    if (isHeader(fields)) {
      parcels.push(parseHeader(fields, line, fileName));
      return;
    }
    const current = parcels[parcels.length - 1];
    if (!current) {
      throw new FormatError(FormatIssueCode.headerMissing, `文件“${fileName}”第 ${line} 行是界址点，但它前面没有地块信息行（界址点数,地块面积,地块编号,…,@）`, { line });
    }
    current.points.push(parsePoint(fields, line, fileName));
  });
  return { attributes, parcels };
}
