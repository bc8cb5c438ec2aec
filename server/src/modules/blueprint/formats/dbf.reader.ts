import { chooseDbfEncoding } from './dbf-encoding.ts';
import { FormatError } from './format-error.ts';
import { FormatIssueCode, info, warning, type Issue } from './format-issues.ts';
import { isValidUtf8, decodeWith } from './text-decode.ts';

export interface DbfField {
  name: string;
  type: string;
  length: number;
  decimals: number;
}

export type DbfValue = string | number | boolean | null;

export interface DbfTable {
  fields: DbfField[];
  /** null for a record marked deleted. */
  records: Array<Record<string, DbfValue> | null>;
  encoding: string;
  report: Issue[];
}

const SUPPORTED = new Set(['C', 'N', 'F', 'L', 'D']);

/** Reads a dBASE III/IV table; every count in the header is checked against the file size first. */
export function readDbf(bytes: Uint8Array, fileName: string, cpg: string | undefined, maxRecords: number): DbfTable {
  const fail = (why: string, details?: Record<string, unknown>): never => {
    throw new FormatError(FormatIssueCode.dbfInvalid, `属性表“${fileName}”无法读取：${why}`, details);
  };
  if (bytes.length < 33) fail(`文件只有 ${bytes.length} 字节，不是有效的 DBF`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const recordCount = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < 33 || headerLength > bytes.length) fail(`文件头长度 ${headerLength} 与文件大小 ${bytes.length} 字节不符`);
  if (recordCount > maxRecords) {
    throw new FormatError(FormatIssueCode.tooManyFeatures, `属性表“${fileName}”有 ${recordCount} 条记录，超过上限 ${maxRecords} 条，请拆分后分批导入`, { count: recordCount, limit: maxRecords });
  }
  if (headerLength + recordCount * recordLength > bytes.length) {
    fail(`文件头声明 ${recordCount} 条记录、每条 ${recordLength} 字节，需要 ${headerLength + recordCount * recordLength} 字节，但文件只有 ${bytes.length} 字节（文件不完整）`, { recordCount, recordLength });
  }

  const rawFields: Array<{ nameBytes: Uint8Array; type: string; length: number; decimals: number }> = [];
  for (let o = 32; o + 32 <= headerLength && bytes[o] !== 0x0d; o += 32) {
    const nameBytes = bytes.subarray(o, o + 11);
    const nul = nameBytes.indexOf(0);
    rawFields.push({ nameBytes: nul >= 0 ? nameBytes.subarray(0, nul) : nameBytes, type: String.fromCharCode(bytes[o + 11]!), length: bytes[o + 16]!, decimals: bytes[o + 17]! });
  }
  const sum = rawFields.reduce((s, f) => s + f.length, 1);
  if (sum !== recordLength) fail(`字段长度之和加删除标记为 ${sum} 字节，与文件头的记录长度 ${recordLength} 字节不符`);

  const textBytes = () => {
    // Only the bytes that are text: field names and C fields (numbers are ASCII anyway).
    const parts = rawFields.map((f) => f.nameBytes);
    for (let r = 0; r < recordCount; r++) {
      let o = headerLength + r * recordLength + 1;
      for (const f of rawFields) {
        if (f.type === 'C') parts.push(bytes.subarray(o, o + f.length));
        o += f.length;
      }
    }
    return parts.every((p) => isValidUtf8(p));
  };
  const chosen = chooseDbfEncoding(cpg, bytes[29]!, textBytes);
  const report: Issue[] = [info(FormatIssueCode.encodingDetected, `属性表编码：${chosen.encoding}（${chosen.reason}）`, { figures: { encoding: chosen.encoding } })];
  if (chosen.unknownCpg) report.push(warning(FormatIssueCode.encodingDetected, `无法识别 .cpg 中的编码“${chosen.unknownCpg}”，${chosen.reason}；如中文乱码，请把 .cpg 改为 GBK 或 UTF-8`));

  const decode = (b: Uint8Array) => decodeWith(b, chosen.encoding);
  const fields: DbfField[] = rawFields.map((f) => ({ name: decode(f.nameBytes).trim(), type: f.type, length: f.length, decimals: f.decimals }));
  for (const f of fields.filter((x) => !SUPPORTED.has(x.type))) {
    report.push(warning(FormatIssueCode.dbfUnsupportedField, `字段“${f.name}”的类型 ${f.type} 不受支持，已按文本读取`));
  }

  const ascii = (b: Uint8Array) => String.fromCharCode(...b).trim();
  const records: DbfTable['records'] = [];
  for (let r = 0; r < recordCount; r++) {
    const start = headerLength + r * recordLength;
    if (bytes[start] === 0x2a) {
      records.push(null);
      continue;
    }
    let o = start + 1;
    const record: Record<string, DbfValue> = {};
    rawFields.forEach((f, i) => {
      const cell = bytes.subarray(o, o + f.length);
      o += f.length;
      record[fields[i]!.name] = cellValue(f.type, cell, decode, ascii);
    });
    records.push(record);
  }
  const deleted = records.filter((r) => r === null).length;
  if (deleted) report.push(info(FormatIssueCode.dbfDeletedRecord, `属性表中有 ${deleted} 条记录已标记删除，对应的图形未导入`, { figures: { deleted } }));
  return { fields, records, encoding: chosen.encoding, report };
}

function cellValue(type: string, cell: Uint8Array, decode: (b: Uint8Array) => string, ascii: (b: Uint8Array) => string): DbfValue {
  switch (type) {
    case 'N':
    case 'F': {
      const s = ascii(cell);
      if (s === '' || /^\*+$/.test(s)) return null;
      const n = Number(s.replace(',', '.'));
      return Number.isFinite(n) ? n : null;
    }
    case 'L': {
      const s = ascii(cell).toUpperCase();
      return 'TY'.includes(s) && s !== '' ? true : 'FN'.includes(s) && s !== '' ? false : null;
    }
    case 'D': {
      const s = ascii(cell);
      const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
      // GDAL/shapelib write an empty date as 00000000
      return m && m[2] !== '00' && m[3] !== '00' ? `${m[1]}-${m[2]}-${m[3]}` : null;
    }
    default: {
      const nul = cell.indexOf(0);
      const s = decode(nul >= 0 ? cell.subarray(0, nul) : cell).trim();
      return s === '' ? null : s;
    }
  }
}
