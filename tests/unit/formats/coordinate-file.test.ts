import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FormatError, FormatIssueCode, parseGeoFile } from '../../../server/src/modules/blueprint/formats/index.ts';
import { fixture, ringArea, rings, thrown } from './fixture.ts';

const txt = (text: string, encoding: 'gbk' | 'utf8' = 'utf8') => (encoding === 'gbk' ? new Uint8Array(iconv.encode(text, 'gbk')) : new TextEncoder().encode(text));
const HEAD = '[属性描述]\r\n坐标系=2000国家大地坐标系\r\n几度分带=3\r\n带号=39\r\n[地块坐标]\r\n';
const codes = (report: { code: string }[]) => report.map((i) => i.code);

describe('坐标文件: GBK, CRLF, two parcels, the first with a hole', () => {
  const parsed = parseGeoFile(fixture('two-parcels.gbk.txt'), 'two-parcels.gbk.txt');
  const [dk01, dk02] = parsed.features;

  it('decodes the GBK header fields into named properties', () => {
    expect(parsed.format).toBe('coordinate-file');
    expect(parsed.features).toHaveLength(2);
    expect(dk01!.properties).toMatchObject({ code: 'DK01', name: '东昌府区化工园地块', use: '工业用地', landClassCode: '0601', declaredAreaHa: 2.96, geometryKind: '面' });
    expect(dk02!.properties).toMatchObject({ code: 'DK02', name: '阳谷县物流园地块', use: '商服用地', landClassCode: '05', declaredAreaHa: 0.8478, mapSheet: 'J50E008011', description: '二期扩建用地' });
    expect(parsed.report).toContainEqual(expect.objectContaining({ code: FormatIssueCode.encodingDetected, message: expect.stringContaining('GB18030') }));
  });

  it('takes zone 39 from the Y prefix: EPSG:4527, coordinates as [easting, northing] untransformed', () => {
    expect(parsed.crs).toMatchObject({ epsg: 4527, source: 'file' });
    expect(rings(dk01!.geometry)[0]![0]![0]).toEqual([39409100, 4035100]); // J1: X=4035100 (north), Y=39409100 (east)
    expect(rings(dk02!.geometry)[0]![0]![0]).toEqual([39405000.5, 4040000.25]);
  });

  it('makes 圈号 2 a hole of the outer ring and keeps the rings closed', () => {
    const [polygon] = rings(dk01!.geometry);
    expect(rings(dk01!.geometry)).toHaveLength(1);
    expect(polygon).toHaveLength(2);
    expect(polygon![1]).toEqual([[39409190, 4035035], [39409210, 4035035], [39409210, 4035015], [39409190, 4035015], [39409190, 4035035]]);
  });

  it('finds the declared areas consistent: 200×150 − 20×20 = 29 600 m² and 8 477.75 m² (shoelace worked by hand)', () => {
    const [outer, hole] = rings(dk01!.geometry)[0]!;
    expect(ringArea(outer!) - ringArea(hole!)).toBe(200 * 150 - 20 * 20);
    // DK02 relative to (39405000, 4040000): (0.5,0.25) (120.75,10.5) (100.25,90.75) (10,80):
    // Σ(xᵢyᵢ₊₁ − xᵢ₊₁yᵢ) = −24.9375 + 9905.4375 + 7112.5 − 37.5 = 16955.5 → 8477.75 m² = 0.847775 公顷 ≈ 0.8478 declared.
    expect(ringArea(rings(dk02!.geometry)[0]![0]!)).toBeCloseTo(8477.75, 3);
    expect(codes(parsed.report)).not.toContain(FormatIssueCode.areaMismatch);
    expect(codes(parsed.report)).not.toContain(FormatIssueCode.pointCountMismatch); // 10 with closing points, 4 without: both accepted
  });
});

describe('坐标文件 variants', () => {
  it('swaps X/Y told apart by digit count, reads zone 39 without prefix from 带号 (EPSG:4548), closes the ring; UTF-8 with BOM', () => {
    const parsed = parseGeoFile(fixture('swapped-no-prefix.utf8.txt'), 'swapped-no-prefix.utf8.txt');
    expect(parsed.crs.epsg).toBe(4548);
    const ring = rings(parsed.features[0]!.geometry)[0]![0]!;
    expect(ring[0]).toEqual([405000.5, 4040000.25]);
    expect(ring).toHaveLength(5);
    expect(ring[4]).toEqual(ring[0]);
    expect(parsed.features[0]!.properties).toMatchObject({ code: 'DK03', name: '阳谷县物流园地块' });
    expect(parsed.report).toContainEqual(expect.objectContaining({ code: FormatIssueCode.axesSwapped, severity: 'warning', featureIndex: 0 }));
    expect(parsed.report).toContainEqual(expect.objectContaining({ code: FormatIssueCode.ringNotClosed, severity: 'warning' }));
    expect(parsed.report).toContainEqual(expect.objectContaining({ code: FormatIssueCode.encodingDetected, message: '文件编码：UTF-8' }));
  });

  it('warns when 带号 (38) and the Y prefix (39) disagree, naming both, and follows the coordinates', () => {
    const parsed = parseGeoFile(fixture('zone-mismatch.gbk.txt'), 'zone-mismatch.gbk.txt');
    expect(parsed.crs.epsg).toBe(4527);
    const mismatch = parsed.report.find((i) => i.code === FormatIssueCode.zoneMismatch)!;
    expect(mismatch.severity).toBe('warning');
    expect(mismatch.message).toMatch(/38.*39/);
    expect(mismatch.figures).toEqual({ declaredZone: 38, prefixZone: 39 });
  });

  it('reports a declared area more than 1% off the computed one with both figures in 公顷', () => {
    const parsed = parseGeoFile(fixture('zone-mismatch.gbk.txt'), 'zone-mismatch.gbk.txt');
    const area = parsed.report.find((i) => i.code === FormatIssueCode.areaMismatch)!;
    expect(area.figures).toEqual({ declaredHa: 3.5, computedHa: (200 * 150) / 10_000 });
    expect(area.message).toContain('3.500 公顷');
    expect(area.message).toContain('3.000 公顷');
  });

  it('reads a ring numbered as a hole but lying outside the outer ring as a second part, and says so', () => {
    const text = `${HEAD}8,1.0,DK09,两块,面,,工业用地,0601,@\r\nJ1,1,4035000,39409000\r\nJ2,1,4035000,39409100\r\nJ3,1,4034900,39409100\r\nJ1,1,4035000,39409000\r\nJ4,2,4035000,39409200\r\nJ5,2,4035000,39409300\r\nJ6,2,4034900,39409300\r\nJ4,2,4035000,39409200\r\n`;
    const parsed = parseGeoFile(txt(text), 'two-parts.txt');
    expect(parsed.features[0]!.geometry.type).toBe('MultiPolygon');
    expect(codes(parsed.report)).toContain(FormatIssueCode.holeOutsideOuter);
    expect(codes(parsed.report)).not.toContain(FormatIssueCode.areaMismatch); // two right triangles of 100 m legs: 2 × 5000 m² = 1 公顷 as declared
  });

  it('says when the declared point count matches neither count', () => {
    const text = `${HEAD}7,0.5,DK10,三角,面,,工业用地,0601,@\r\nJ1,1,4035000,39409000\r\nJ2,1,4035000,39409100\r\nJ3,1,4034900,39409100\r\nJ1,1,4035000,39409000\r\n`;
    const parsed = parseGeoFile(txt(text, 'gbk'), 'count.txt');
    expect(parsed.report).toContainEqual(expect.objectContaining({ code: FormatIssueCode.pointCountMismatch, figures: { declared: 7, actual: 4 } }));
  });

  it('lets a declared EPSG override the file, with a warning', () => {
    const parsed = parseGeoFile(fixture('two-parcels.gbk.txt'), 'two-parcels.gbk.txt', { declaredEpsg: 4527 });
    expect(parsed.crs).toMatchObject({ epsg: 4527, source: 'declared' });
  });
});

describe('坐标文件 errors name the line and the reason in Chinese', () => {
  const fail = (text: string) => thrown(() => parseGeoFile(txt(text, 'gbk'), 'bad.txt'));

  it('non-numeric coordinate', () => {
    const e = fail(`${HEAD}4,0.1,DK01,地块,面,,工业用地,0601,@\r\nJ1,1,4035000,39409000\r\nJ2,1,4035000,3940910O\r\n`);
    expect(e).toBeInstanceOf(FormatError);
    expect(e.code).toBe(FormatIssueCode.nonNumericCoordinate);
    expect(e.message).toBe('文件“bad.txt”第 8 行界址点 J2 的 Y 坐标“3940910O”不是数字');
  });

  it('fewer than 3 distinct points in a ring', () => {
    const e = fail(`${HEAD}3,0.1,DK01,地块,面,,工业用地,0601,@\r\nJ1,1,4035000,39409000\r\nJ2,1,4035000,39409100\r\nJ1,1,4035000,39409000\r\n`);
    expect(e.code).toBe(FormatIssueCode.ringTooFewPoints);
    expect(e.message).toContain('第 7～9 行');
    expect(e.message).toContain('只有 2 个不同的界址点，至少需要 3 个');
  });

  it('unknown section', () => {
    const e = fail('[属性描述]\r\n带号=39\r\n[界址点]\r\n');
    expect(e.code).toBe(FormatIssueCode.unknownSection);
    expect(e.message).toContain('第 3 行的节“[界址点]”无法识别');
  });

  it('points before any parcel header', () => {
    const e = fail(`${HEAD}J1,1,4035000,39409000\r\n`);
    expect(e.code).toBe(FormatIssueCode.headerMissing);
    expect(e.message).toContain('第 6 行是界址点，但它前面没有地块信息行');
  });

  it('empty file, and a file with attributes but no parcel', () => {
    expect(fail('').code).toBe(FormatIssueCode.emptyFile);
    expect(fail('').message).toBe('文件“bad.txt”是空的');
    expect(fail('[属性描述]\r\n带号=39\r\n[地块坐标]\r\n').message).toContain('没有地块');
  });

  it('coordinates that are not GK northing/easting by their digit counts', () => {
    const e = fail(`${HEAD}4,0.1,DK01,地块,面,,工业用地,0601,@\r\nJ1,1,1000.5,2000.5\r\n`);
    expect(e.code).toBe(FormatIssueCode.axesAmbiguous);
    expect(e.message).toContain('第 7 行');
  });

  it('points from two zones in one file', () => {
    const e = fail(`${HEAD}4,0.1,DK01,地块,面,,工业用地,0601,@\r\nJ1,1,4035000,39409000\r\nJ2,1,4035000,38709100\r\nJ3,1,4034900,39409100\r\n`);
    expect(e.code).toBe(FormatIssueCode.zonePrefixMixed);
    expect(e.message).toContain('第 8 行');
  });

  it('no prefix and no 带号: asks to declare the CRS, and reads it once declared', () => {
    const text = '[地块坐标]\r\n4,0.5,DK01,地块,面,,工业用地,0601,@\r\nJ1,1,4035000,409000\r\nJ2,1,4035000,409100\r\nJ3,1,4034900,409100\r\nJ1,1,4035000,409000\r\n';
    const e = fail(text);
    expect(e.code).toBe(FormatIssueCode.crsUnknown);
    expect(e.message).toContain('请在导入时声明坐标系');
    expect(parseGeoFile(txt(text), 'ok.txt', { declaredEpsg: 4548 }).crs).toEqual({ epsg: 4548, source: 'declared', detail: '坐标不含带号，属性描述中也没有带号' });
  });

  it('Xian 1980 coordinates are refused unless the CRS is declared', () => {
    const text = '[属性描述]\r\n坐标系=1980西安坐标系\r\n带号=39\r\n[地块坐标]\r\n4,0.5,DK01,地块,面,,工业用地,0601,@\r\nJ1,1,4035000,39409000\r\nJ2,1,4035000,39409100\r\nJ3,1,4034900,39409100\r\n';
    const e = fail(text);
    expect(e.code).toBe(FormatIssueCode.crsLegacyDatum);
    expect(e.message).toContain('西安1980坐标系');
    expect(e.message).toContain('转换为 CGCS2000');
    const declared = parseGeoFile(txt(text), 'x.txt', { declaredEpsg: 4527 });
    expect(declared.report).toContainEqual(expect.objectContaining({ code: FormatIssueCode.crsDeclaredOverrides, severity: 'warning' }));
  });

  it('a declared CRS the coordinates cannot be in', () => {
    const e = thrown(() => parseGeoFile(fixture('two-parcels.gbk.txt'), 'two-parcels.gbk.txt', { declaredEpsg: 4548 }));
    expect(e.code).toBe(FormatIssueCode.crsMismatch);
    expect(e.message).toContain('0～999999');
  });
});
