import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FormatIssueCode, parseGeoFile } from '../../../server/src/modules/blueprint/formats/index.ts';
import { fixture, thrown } from './fixture.ts';

/** The GDAL-written parcels shapefile with one part replaced, zipped again. */
function withPart(ext: string, change: (bytes: Uint8Array) => Uint8Array | undefined, zip = 'parcels-gbk-cpg936.zip'): Uint8Array {
  const files: Record<string, Uint8Array> = unzipSync(fixture(zip));
  const changed = change(files[`parcels.${ext}`]!.slice());
  if (changed) files[`parcels.${ext}`] = changed;
  else delete files[`parcels.${ext}`];
  return zipSync(files);
}
const setU32 = (b: Uint8Array, at: number, v: number, le = true) => (new DataView(b.buffer, b.byteOffset).setUint32(at, v, le), b);
const setU16 = (b: Uint8Array, at: number, v: number) => (new DataView(b.buffer, b.byteOffset).setUint16(at, v, true), b);

describe('DBF header counts are checked against the file size', () => {
  it('a record count larger than the file holds', () => {
    const e = thrown(() => parseGeoFile(withPart('dbf', (b) => setU32(b, 4, 1000)), 'p.zip'));
    expect(e.code).toBe(FormatIssueCode.dbfInvalid);
    expect(e.message).toMatch(/^属性表“parcels\.dbf”无法读取：文件头声明 1000 条记录、每条 \d+ 字节，需要 \d+ 字节，但文件只有 \d+ 字节（文件不完整）$/);
  });

  it('a header length beyond the file, and field lengths that do not add up to the record length', () => {
    expect(thrown(() => parseGeoFile(withPart('dbf', (b) => setU16(b, 8, 60000)), 'p.zip')).message).toContain('文件头长度 60000 与文件大小');
    expect(thrown(() => parseGeoFile(withPart('dbf', (b) => setU16(b, 10, 7)), 'p.zip')).message).toContain('与文件头的记录长度 7 字节不符');
  });

  it('a record count over the feature limit is refused from the header, before reading records', () => {
    const e = thrown(() => parseGeoFile(withPart('dbf', (b) => setU32(b, 4, 5_000_000)), 'p.zip'));
    expect(e.code).toBe(FormatIssueCode.tooManyFeatures);
    expect(e.message).toBe('属性表“parcels.dbf”有 5000000 条记录，超过上限 100000 条，请拆分后分批导入');
  });

  it('a deleted record is skipped and reported; a missing .dbf still gives geometry', () => {
    const deleted = parseGeoFile(
      withPart('dbf', (b) => {
        const headerLength = new DataView(b.buffer, b.byteOffset).getUint16(8, true);
        b[headerLength] = 0x2a; // first record marked deleted
        return b;
      }),
      'p.zip',
    );
    expect(deleted.features.map((f) => f.properties!['名称'])).toEqual(['高新区仓储地块', '物流园地块']);
    expect(deleted.report).toContainEqual(expect.objectContaining({ code: FormatIssueCode.dbfDeletedRecord, figures: { deleted: 1 } }));
    const noDbf = parseGeoFile(withPart('dbf', () => undefined), 'p.zip');
    expect(noDbf.features).toHaveLength(3);
    expect(noDbf.report).toContainEqual(expect.objectContaining({ code: FormatIssueCode.zipMissingPart, message: '缺少属性表“parcels.dbf”，要素将没有属性' }));
  });
});

describe('SHP lengths are checked before they are trusted', () => {
  it('a file shorter than its header says', () => {
    const e = thrown(() => parseGeoFile(withPart('shp', (b) => b.subarray(0, b.length - 20)), 'p.zip'));
    expect(e.code).toBe(FormatIssueCode.shpInvalid);
    expect(e.message).toMatch(/^图形文件“parcels\.shp”无法读取：文件头声明长度 \d+ 字节，但文件只有 \d+ 字节（文件不完整）$/);
  });

  it('a record whose content length runs past the file', () => {
    const e = thrown(() => parseGeoFile(withPart('shp', (b) => setU32(b, 104, 100000, false)), 'p.zip'));
    expect(e.message).toBe('图形文件“parcels.shp”无法读取：第 1 条记录的长度 200000 字节超出文件范围');
  });

  it('a part count that does not fit in the record', () => {
    const e = thrown(() => parseGeoFile(withPart('shp', (b) => setU32(b, 108 + 36, 5000)), 'p.zip'));
    expect(e.message).toMatch(/^图形文件“parcels\.shp”第 1 个要素无法读取：部件数 5000、点数 10 与记录长度 \d+ 字节不符$/);
  });

  it('not a shapefile at all', () => {
    expect(thrown(() => parseGeoFile(withPart('shp', () => new TextEncoder().encode('x'.repeat(200))), 'p.zip')).message).toBe(
      '图形文件“parcels.shp”无法读取：文件头标识不是 9994，不是 Shapefile 的 .shp 文件',
    );
  });

  it('more shapes than attribute records: read by shapes, reported', () => {
    const parsed = parseGeoFile(withPart('dbf', (b) => setU32(b, 4, 2)), 'p.zip');
    expect(parsed.features).toHaveLength(3);
    expect(parsed.features[2]!.properties).toEqual({});
    expect(parsed.report).toContainEqual(expect.objectContaining({ code: FormatIssueCode.recordCountMismatch, figures: { shapes: 3, records: 2 } }));
  });
});

describe('a shapefile without .prj', () => {
  it('lon/lat values: assumed CGCS2000 (EPSG:4490), said in an info', () => {
    const parsed = parseGeoFile(withPart('prj', () => undefined, 'parcels-4490.zip'), 'p.zip');
    expect(parsed.crs).toEqual({ epsg: 4490, source: 'default', detail: '按经纬度默认' });
    expect(parsed.report).toContainEqual(expect.objectContaining({ code: FormatIssueCode.crsAssumed, severity: 'info', message: expect.stringContaining('EPSG:4490') }));
  });

  it('projected values: refused until the CRS is declared', () => {
    const zip = withPart('prj', () => undefined);
    const e = thrown(() => parseGeoFile(zip, 'p.zip'));
    expect(e.code).toBe(FormatIssueCode.crsUnknown);
    expect(e.message).toMatch(/^文件“parcels\.shp”没有坐标系信息，且坐标（x 39405000\.500～39412260\.000，y 4034950\.000～4040090\.750）是投影坐标而非经纬度：请在导入时声明坐标系/);
    expect(parseGeoFile(zip, 'p.zip', { declaredEpsg: 4527 }).crs).toMatchObject({ epsg: 4527, source: 'declared' });
  });
});
