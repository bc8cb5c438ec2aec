import type { Feature } from 'geojson';
import { FormatError } from './format-error.ts';
import { FormatIssueCode, warning, type Issue } from './format-issues.ts';
import { encodeText, truncateToBytes } from './text-decode.ts';

export interface DbfColumn {
  property: string;
  field: string;
  type: 'C' | 'N' | 'L';
  length: number;
  decimals: number;
}

type Encoding = 'gbk' | 'utf8';
const MAX_C = 254;

const textOf = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Digits after the point of the shortest round-trip form, or null when it needs an exponent. */
const decimalsOf = (n: number) => (/e/i.test(String(n)) ? null : (String(n).split('.')[1]?.length ?? 0));

function fieldNames(properties: string[], encoding: Encoding, report: Issue[]): string[] {
  const taken = new Set<string>();
  return properties.map((property) => {
    let base = truncateToBytes(property.replace(/\0/g, '') || 'FIELD', 10, encoding).text;
    let name = base;
    for (let n = 1; taken.has(name.toUpperCase()); n++) {
      const suffix = `_${n}`;
      base = truncateToBytes(base, 10 - suffix.length, encoding).text;
      name = base + suffix;
    }
    taken.add(name.toUpperCase());
    if (name !== property) report.push(warning(FormatIssueCode.fieldRenamed, `属性“${property}”的名称超过 DBF 字段名上限（10 字节）或与其他字段重名，已写为“${name}”`, { figures: { property, field: name } }));
    return name;
  });
}

/** Column types from the values: all numbers → N, all booleans → L, anything else → C (≤ 254 bytes). */
export function planDbfColumns(features: Feature[], encoding: Encoding, report: Issue[]): DbfColumn[] {
  const properties = [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))];
  if (properties.length > 255) throw new FormatError(FormatIssueCode.dbfInvalid, `要写出的属性有 ${properties.length} 个，超过 DBF 的上限 255 个字段`);
  const names = fieldNames(properties, encoding, report);
  return properties.map((property, i) => {
    const values = features.map((f) => f.properties?.[property]).filter((v) => v !== null && v !== undefined);
    const field = names[i]!;
    if (values.length && values.every((v) => typeof v === 'boolean')) return { property, field, type: 'L', length: 1, decimals: 0 };
    if (values.length && values.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      const nums = values as number[];
      const decimals = nums.map(decimalsOf);
      if (decimals.every((d) => d !== null && d <= 15)) {
        const dec = (decimals as number[]).reduce((a, b) => Math.max(a, b), 0);
        const length = nums.reduce((a, n) => Math.max(a, n.toFixed(dec).length), 1);
        if (length <= 33) return { property, field, type: 'N', length, decimals: dec };
      }
    }
    const length = Math.min(MAX_C, values.reduce<number>((a, v) => Math.max(a, encodeText(textOf(v), encoding).length), 1));
    return { property, field, type: 'C', length, decimals: 0 };
  });
}

/** A dBASE III table of the features' properties; strings are cut at 254 bytes without splitting a character. */
export function writeDbf(features: Feature[], columns: DbfColumn[], encoding: Encoding, report: Issue[]): Uint8Array {
  const headerLength = 32 + 32 * columns.length + 1;
  const recordLength = 1 + columns.reduce((s, c) => s + c.length, 0);
  if (recordLength > 65535) throw new FormatError(FormatIssueCode.dbfInvalid, `每条属性记录长 ${recordLength} 字节，超过 DBF 上限 65535 字节，请减少属性`);
  const out = new Uint8Array(headerLength + recordLength * features.length + 1);
  const view = new DataView(out.buffer);
  const today = new Date();
  out.set([0x03, today.getFullYear() - 1900, today.getMonth() + 1, today.getDate()]);
  view.setUint32(4, features.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  out[29] = encoding === 'gbk' ? 0x4d : 0x00;
  columns.forEach((c, i) => {
    const o = 32 + 32 * i;
    out.set(encodeText(c.field, encoding).subarray(0, 10), o);
    out[o + 11] = c.type.charCodeAt(0);
    out[o + 16] = c.length;
    out[o + 17] = c.decimals;
  });
  out[headerLength - 1] = 0x0d;
  const truncated = new Map<string, number>();
  features.forEach((f, r) => {
    let o = headerLength + r * recordLength;
    out[o++] = 0x20;
    for (const c of columns) {
      const v = f.properties?.[c.property];
      let cell: Uint8Array;
      if (v === null || v === undefined) cell = encodeText((c.type === 'L' ? '?' : c.type === 'N' ? '*' : ' ').repeat(c.length), 'utf8');
      else if (c.type === 'N') cell = encodeText((v as number).toFixed(c.decimals).padStart(c.length, ' '), 'utf8');
      else if (c.type === 'L') cell = encodeText(v ? 'T' : 'F', 'utf8');
      else {
        const t = truncateToBytes(textOf(v), c.length, encoding);
        if (t.truncated) truncated.set(c.property, (truncated.get(c.property) ?? 0) + 1);
        cell = t.bytes;
      }
      out.fill(0x20, o, o + c.length);
      out.set(cell, o);
      o += c.length;
    }
  });
  out[out.length - 1] = 0x1a;
  for (const [property, count] of truncated) {
    report.push(warning(FormatIssueCode.valueTruncated, `属性“${property}”有 ${count} 个值超过 DBF 文本上限 254 字节，已截断`, { figures: { property, count } }));
  }
  return out;
}
