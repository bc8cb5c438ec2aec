import { inflateSync, zipSync } from 'fflate';
import { crc32 } from 'node:zlib';
import { FormatError } from './format-error.ts';
import { FormatIssueCode } from './format-issues.ts';
import { formatBytes, type FormatLimits } from './format-limits.ts';
import { decodeText } from './text-decode.ts';

export interface ZipEntry {
  /** Full path inside the archive as stored (decoded: UTF-8 flag, else UTF-8 if valid, else GBK). */
  path: string;
  /** Last path component: archives are matched by base name, folders inside them are ignored. */
  baseName: string;
  bytes: Uint8Array;
}

interface CentralEntry {
  path: string;
  baseName: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  isDirectory: boolean;
  isSymlink: boolean;
}

const u16 = (d: Uint8Array, o: number) => d[o]! | (d[o + 1]! << 8);
const u32 = (d: Uint8Array, o: number) => (d[o]! | (d[o + 1]! << 8) | (d[o + 2]! << 16) | (d[o + 3]! << 24)) >>> 0;
const u64 = (d: Uint8Array, o: number) => u32(d, o) + u32(d, o + 4) * 2 ** 32;

function endOfCentralDirectory(d: Uint8Array, fail: (why: string) => never): { count: number; offset: number } {
  for (let e = d.length - 22; e >= Math.max(0, d.length - 22 - 65535); e--) {
    if (u32(d, e) !== 0x06054b50) continue;
    let count = u16(d, e + 10);
    let offset = u32(d, e + 16);
    if ((count === 0xffff || offset === 0xffffffff) && e >= 20 && u32(d, e - 20) === 0x07064b50) {
      const z = u64(d, e - 12); // zip64 end record
      if (z + 56 > d.length || u32(d, z) !== 0x06064b50) fail('ZIP64 目录记录损坏');
      count = u64(d, z + 32);
      offset = u64(d, z + 48);
    }
    return { count, offset };
  }
  return fail('找不到压缩包目录（文件不完整或不是 zip 文件）');
}

/** Reads the central directory: what the archive claims to hold, before anything is inflated. */
function centralDirectory(d: Uint8Array, fileName: string, limits: FormatLimits): CentralEntry[] {
  const fail = (why: string): never => {
    throw new FormatError(FormatIssueCode.zipInvalid, `压缩包“${fileName}”无法读取：${why}`);
  };
  const { count, offset } = endOfCentralDirectory(d, fail);
  if (count > limits.maxZipEntries) {
    throw new FormatError(FormatIssueCode.zipTooManyEntries, `压缩包“${fileName}”有 ${count} 个文件，超过上限 ${limits.maxZipEntries} 个`, { count, limit: limits.maxZipEntries });
  }
  const entries: CentralEntry[] = [];
  let o = offset;
  for (let i = 0; i < count; i++) {
    if (o + 46 > d.length || u32(d, o) !== 0x02014b50) fail('压缩包目录损坏');
    const nameLength = u16(d, o + 28);
    const extraLength = u16(d, o + 30);
    const end = o + 46 + nameLength + extraLength + u16(d, o + 32);
    if (end > d.length) fail('压缩包目录损坏');
    const flags = u16(d, o + 8);
    const nameBytes = d.subarray(o + 46, o + 46 + nameLength);
    const path = flags & 0x800 ? new TextDecoder().decode(nameBytes) : decodeText(nameBytes).text; // Windows zips name files in GBK
    let compressedSize = u32(d, o + 20);
    let size = u32(d, o + 24);
    let localOffset = u32(d, o + 42);
    for (let x = o + 46 + nameLength; x + 4 <= o + 46 + nameLength + extraLength; x += 4 + u16(d, x + 2)) {
      if (u16(d, x) !== 0x0001) continue; // zip64 sizes, present only for the fields that overflowed
      let z = x + 4;
      if (size === 0xffffffff) (size = u64(d, z)), (z += 8);
      if (compressedSize === 0xffffffff) (compressedSize = u64(d, z)), (z += 8);
      if (localOffset === 0xffffffff) localOffset = u64(d, z);
    }
    const madeByUnix = d[o + 5] === 3;
    const mode = u32(d, o + 38) >>> 16;
    entries.push({
      path,
      baseName: path.split(/[\\/]/).pop() ?? '',
      flags,
      method: u16(d, o + 10),
      crc: u32(d, o + 16),
      compressedSize,
      size,
      localOffset,
      isDirectory: /[\\/]$/.test(path),
      isSymlink: madeByUnix && (mode & 0o170000) === 0o120000,
    });
    o = end;
  }
  return entries;
}

function checkEntry(e: CentralEntry, fileName: string): void {
  const segments = e.path.split(/[\\/]/);
  if (/^([\\/]|[A-Za-z]:)/.test(e.path) || segments.includes('..')) {
    throw new FormatError(FormatIssueCode.zipUnsafePath, `压缩包“${fileName}”中的“${e.path}”使用了绝对路径或“..”，已拒绝整个压缩包`, { path: e.path });
  }
  if (e.isSymlink) throw new FormatError(FormatIssueCode.zipSymlink, `压缩包“${fileName}”中的“${e.path}”是符号链接，已拒绝整个压缩包`, { path: e.path });
}

/**
 * Reads the entries `wanted` picks (by base name) from a zip, guarded: entry count, the sum of the
 * uncompressed sizes the central directory declares and the compression ratio are checked before
 * anything is inflated, absolute and ".." paths and symlinks refuse the archive, and an entry is
 * inflated into a buffer of its declared size, so an archive lying about sizes cannot grow past them.
 */
export function readZip(bytes: Uint8Array, fileName: string, limits: FormatLimits, wanted: (baseName: string) => boolean = () => true): ZipEntry[] {
  const entries = centralDirectory(bytes, fileName, limits);
  entries.forEach((e) => checkEntry(e, fileName));
  const selected = entries.filter((e) => !e.isDirectory && wanted(e.baseName));
  const total = selected.reduce((s, e) => s + e.size, 0);
  if (total > limits.maxZipUncompressedBytes) {
    throw new FormatError(FormatIssueCode.zipTooLarge, `压缩包“${fileName}”解压后共 ${formatBytes(total)}，超过上限 ${formatBytes(limits.maxZipUncompressedBytes)}`, { bytes: total, limit: limits.maxZipUncompressedBytes });
  }
  for (const e of selected) {
    const ratio = e.size / Math.max(e.compressedSize, 1);
    if (e.size > limits.zipRatioMinBytes && ratio > limits.maxZipRatio) {
      throw new FormatError(FormatIssueCode.zipRatio, `压缩包“${fileName}”中的“${e.path}”压缩比为 ${Math.round(ratio)}:1（解压后 ${formatBytes(e.size)}），超过上限 ${limits.maxZipRatio}:1，疑似压缩炸弹，已拒绝`, {
        path: e.path,
        ratio,
        limit: limits.maxZipRatio,
      });
    }
    if (e.flags & 1) throw new FormatError(FormatIssueCode.zipEncrypted, `压缩包“${fileName}”中的“${e.path}”已加密，请去掉密码后重新打包`, { path: e.path });
    if (e.method !== 0 && e.method !== 8) {
      throw new FormatError(FormatIssueCode.zipUnsupportedMethod, `压缩包“${fileName}”中的“${e.path}”使用了不支持的压缩方式（${e.method}），请用普通 zip（Deflate）重新打包`, { path: e.path });
    }
  }
  return selected.map((e) => ({ path: e.path, baseName: e.baseName, bytes: inflateEntry(bytes, e, fileName) }));
}

function inflateEntry(d: Uint8Array, e: CentralEntry, fileName: string): Uint8Array {
  const broken = (): never => {
    throw new FormatError(FormatIssueCode.zipInvalid, `压缩包“${fileName}”中的“${e.path}”已损坏，无法解压`, { path: e.path });
  };
  if (e.localOffset + 30 > d.length || u32(d, e.localOffset) !== 0x04034b50) broken();
  const start = e.localOffset + 30 + u16(d, e.localOffset + 26) + u16(d, e.localOffset + 28);
  if (start + e.compressedSize > d.length) broken();
  const raw = d.subarray(start, start + e.compressedSize);
  let out: Uint8Array = raw;
  if (e.method === 8) {
    try {
      out = inflateSync(raw, { out: new Uint8Array(e.size) });
    } catch {
      return broken();
    }
  }
  // The buffer caps what a lying size can produce; the checksum catches the truncation.
  return out.length === e.size && crc32(out) === e.crc ? (out === raw ? raw.slice() : out) : broken();
}

/** A zip of named files (deflated, fixed timestamp so the same input gives the same bytes). */
export function writeZip(files: Record<string, Uint8Array>): Uint8Array {
  const mtime = new Date(2000, 0, 1);
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { mtime, level: 6 }]])));
}
