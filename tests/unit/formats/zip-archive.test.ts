import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, FormatIssueCode, parseGeoFile } from '../../../server/src/modules/blueprint/formats/index.ts';
import { readZip } from '../../../server/src/modules/blueprint/formats/zip-archive.ts';
import { fixture, thrown } from './fixture.ts';

const parcels = () => unzipSync(fixture('parcels-utf8.zip'));

/** Offsets of the central directory records (signature PK\1\2) of a zip. */
function centralRecords(zip: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i++) if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 1 && zip[i + 3] === 2) out.push(i);
  return out;
}

describe('guarded zip reading', () => {
  it('refuses a broken (truncated) zip with a Chinese message', () => {
    const e = thrown(() => parseGeoFile(fixture('broken.zip'), 'broken.zip'));
    expect(e.code).toBe(FormatIssueCode.zipInvalid);
    expect(e.message).toBe('压缩包“broken.zip”无法读取：找不到压缩包目录（文件不完整或不是 zip 文件）');
  });

  it('refuses an archive with a ../ path', () => {
    const e = thrown(() => parseGeoFile(fixture('evil-path.zip'), 'evil-path.zip'));
    expect(e.code).toBe(FormatIssueCode.zipUnsafePath);
    expect(e.message).toBe('压缩包“evil-path.zip”中的“../evil.shp”使用了绝对路径或“..”，已拒绝整个压缩包');
  });

  it('refuses absolute paths and symlinks too', () => {
    const abs = zipSync({ '/etc/parcels.shp': new Uint8Array(10) });
    expect(thrown(() => readZip(abs, 'abs.zip', DEFAULT_LIMITS)).code).toBe(FormatIssueCode.zipUnsafePath);
    const link = zipSync({ 'parcels.shp': [new TextEncoder().encode('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }] });
    const e = thrown(() => readZip(link, 'link.zip', DEFAULT_LIMITS));
    expect(e.code).toBe(FormatIssueCode.zipSymlink);
    expect(e.message).toContain('是符号链接');
  });

  it('refuses a zip bomb by its compression ratio before inflating it', () => {
    const bomb = zipSync({ 'parcels.dbf': new Uint8Array(16 * 1024 * 1024) }); // 16 MB of zeros → ~16 kB
    const e = thrown(() => parseGeoFile(bomb, 'bomb.zip'));
    expect(e.code).toBe(FormatIssueCode.zipRatio);
    expect(e.status).toBe(413);
    expect(e.message).toMatch(/^压缩包“bomb\.zip”中的“parcels\.dbf”压缩比为 \d+:1（解压后 16\.0 MB），超过上限 100:1，疑似压缩炸弹，已拒绝$/);
  });

  it('caps the total uncompressed size from the central directory', () => {
    const e = thrown(() => parseGeoFile(fixture('parcels-utf8.zip'), 'parcels-utf8.zip', { limits: { maxZipUncompressedBytes: 1000 } }));
    expect(e.code).toBe(FormatIssueCode.zipTooLarge);
    expect(e.message).toMatch(/解压后共 [\d.]+ KB，超过上限 1000 字节/);
  });

  it('caps the number of entries', () => {
    const e = thrown(() => parseGeoFile(fixture('parcels-utf8.zip'), 'parcels-utf8.zip', { limits: { maxZipEntries: 3 } }));
    expect(e.code).toBe(FormatIssueCode.zipTooManyEntries);
    expect(e.message).toBe('压缩包“parcels-utf8.zip”有 5 个文件，超过上限 3 个');
  });

  it('never inflates past the declared size: an entry lying about its size is caught by its checksum', () => {
    const zip = zipSync({ 'parcels.dbf': new Uint8Array(200_000).fill(32) });
    const cd = centralRecords(zip)[0]!;
    new DataView(zip.buffer).setUint32(cd + 24, 1000, true); // claims 1000 bytes
    const e = thrown(() => readZip(zip, 'liar.zip', DEFAULT_LIMITS));
    expect(e.code).toBe(FormatIssueCode.zipInvalid);
    expect(e.message).toBe('压缩包“liar.zip”中的“parcels.dbf”已损坏，无法解压');
  });

  it('refuses encrypted entries', () => {
    const zip = zipSync(parcels());
    for (const cd of centralRecords(zip)) zip[cd + 8]! |= 1;
    expect(thrown(() => parseGeoFile(zip, 'secret.zip')).message).toContain('已加密，请去掉密码后重新打包');
  });

  it('ignores directory entries and folders, and files that are not part of a shapefile', () => {
    const files = parcels();
    const zip = zipSync({ '成果/': new Uint8Array(0), '成果/说明.pdf': new Uint8Array(100), ...Object.fromEntries(Object.entries(files).map(([k, v]) => [`成果/矢量/${k}`, v])) });
    const entries = readZip(zip, 'nested.zip', DEFAULT_LIMITS, (base) => base.endsWith('.shp'));
    expect(entries.map((e) => [e.path, e.baseName])).toEqual([['成果/矢量/parcels.shp', 'parcels.shp']]);
    expect(parseGeoFile(zip, 'nested.zip').features).toHaveLength(3);
  });

  it('says when a zip holds no shapefile', () => {
    const e = thrown(() => parseGeoFile(zipSync({ 'readme.md': new TextEncoder().encode('hi') }), 'nothing.zip'));
    expect(e.code).toBe(FormatIssueCode.zipNoShapefile);
    expect(e.message).toContain('压缩包“nothing.zip”中没有 Shapefile');
  });
});
