import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { FormatIssueCode, parseGeoFile } from '../../../server/src/modules/blueprint/formats/index.ts';
import { fixture, ringArea, rings, thrown } from './fixture.ts';

/** What GDAL wrote from tests/fixtures/formats/source/parcels-4527.geojson. */
const EXPECTED = [
  { 区县: '东昌府区', 名称: '东昌府区化工园地块', 用途: '工业用地', 面积: 2.96, 编号: 1, 日期: '2024-05-17' },
  { 区县: '茌平区', 名称: '高新区仓储地块', 用途: '仓储用地', 面积: 0.74, 编号: 2, 日期: '2024-06-01' },
  { 区县: '阳谷县', 名称: '物流园地块', 用途: '商服用地', 面积: 0.8478, 编号: 3, 日期: null },
];
const polygonArea = (f: Feature) => rings(f.geometry).reduce((s, p) => s + ringArea(p[0]!) - p.slice(1).reduce((h, r) => h + ringArea(r), 0), 0);
const encodingIssue = (name: string) => parseGeoFile(fixture(name), name).report.find((i) => i.code === FormatIssueCode.encodingDetected)!;

describe('shapefile attributes in every encoding Chinese sources use', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['parcels-gbk-cp936.zip', 'GB18030', /\.cpg 为“CP936”/],
    ['parcels-gbk-cpg936.zip', 'GB18030', /\.cpg 为“936”/],
    ['parcels-gbk-ldid.zip', 'GB18030', /语言驱动标记为 GBK（0x4D）/],
    ['parcels-gbk-nocpg.zip', 'GB18030', /没有 \.cpg，属性内容不是 UTF-8/],
    ['parcels-utf8.zip', 'UTF-8', /\.cpg 为“UTF-8”/],
    ['parcels-utf8-nocpg.zip', 'UTF-8', /没有 \.cpg，属性内容是有效的 UTF-8/],
    ['parcels-gbk-names-in-folder.zip', 'GB18030', /\.cpg 为“CP936”/],
  ];
  for (const [name, encoding, reason] of cases) {
    it(`${name}: names and values decode (${encoding}), and the report says why`, () => {
      const parsed = parseGeoFile(fixture(name), name);
      expect(parsed.format).toBe('shapefile');
      expect(parsed.features.map((f) => f.properties)).toEqual(EXPECTED);
      const issue = encodingIssue(name);
      expect(issue.figures).toEqual({ encoding });
      expect(issue.message).toMatch(reason);
    });
  }
});

describe('shapefile geometry', () => {
  const parsed = parseGeoFile(fixture('parcels-utf8.zip'), 'parcels-utf8.zip');
  const [withHole, multi, irregular] = parsed.features;

  it('assigns the counter-clockwise ring to the clockwise outer ring containing it', () => {
    expect(withHole!.geometry.type).toBe('Polygon');
    const [outer, hole] = rings(withHole!.geometry)[0]!;
    expect(hole).toBeDefined();
    expect(hole!.every(([x, y]) => x! >= 39409190 && x! <= 39409210 && y! >= 4035015 && y! <= 4035035)).toBe(true);
    expect(outer).toHaveLength(5);
  });

  it('reads two outer rings as a MultiPolygon', () => {
    expect(multi!.geometry.type).toBe('MultiPolygon');
    expect(rings(multi!.geometry)).toHaveLength(2);
  });

  it('keeps coordinates untransformed; areas: 29 600, 100×50 + 60×40 = 7 400 and 8 477.75 m²', () => {
    expect(polygonArea(withHole!)).toBe(200 * 150 - 20 * 20);
    expect(polygonArea(multi!)).toBe(100 * 50 + 60 * 40);
    expect(polygonArea(irregular!)).toBeCloseTo(8477.75, 2);
  });

  it('detects EPSG:4527 from the zone-39 GK .prj GDAL wrote', () => {
    expect(parsed.crs).toMatchObject({ epsg: 4527, source: 'file' });
  });

  it('detects EPSG:4548 (zone 39, no prefix) and EPSG:4490 (geographic) from their .prj', () => {
    const gk = parseGeoFile(fixture('parcels-4548.zip'), 'parcels-4548.zip');
    expect(gk.crs.epsg).toBe(4548);
    expect(rings(gk.features[0]!.geometry)[0]![0]![0]![0]).toBeCloseTo(409100, 3);
    const geo = parseGeoFile(fixture('parcels-4490.zip'), 'parcels-4490.zip');
    expect(geo.crs.epsg).toBe(4490);
    const [lon, lat] = rings(geo.features[0]!.geometry)[0]![0]![0]!;
    expect(lon).toBeGreaterThan(115.9); // ≈ 115.986°E, 36.441°N: 东昌府区
    expect(lon).toBeLessThan(116.1);
    expect(lat).toBeGreaterThan(36.3);
    expect(lat).toBeLessThan(36.6);
  });

  it('matches files by base name whatever folder of the archive they are in, decoding GBK file names', () => {
    const gbk = parseGeoFile(fixture('parcels-gbk-names-in-folder.zip'), 'x.zip');
    expect(gbk.crs.detail).toContain('聊城地块.prj');
  });
});

describe('shapefile zips with several layers', () => {
  const parsed = parseGeoFile(fixture('several-layers.zip'), 'several-layers.zip');

  it('reads each shapefile as its own layer and asks which one to import', () => {
    expect(parsed.features).toEqual([]);
    expect(parsed.crs.source).toBe('none');
    expect(parsed.layers!.map((l) => [l.name, l.features.length, l.crs.epsg])).toEqual([
      ['lines', 2, 4527],
      ['multipoints', 1, 4527],
      ['points', 3, 4527],
    ]);
    expect(parsed.report).toContainEqual(expect.objectContaining({ code: FormatIssueCode.multipleLayers, message: expect.stringContaining('3 个图层（lines、multipoints、points）') }));
  });

  it('reads Z and M variants as 2D, and reports the null shape record', () => {
    const byName = Object.fromEntries(parsed.layers!.map((l) => [l.name, l]));
    expect(byName.lines!.features[0]!.geometry).toEqual({ type: 'LineString', coordinates: [[39409000, 4035000], [39409500, 4035200], [39410000, 4035100]] });
    expect(byName.points!.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [39409200, 4035050] });
    expect(byName.points!.features[0]!.properties).toEqual({ 名称: '东昌湖观测点', 类型: '观测点' });
    expect(byName.multipoints!.features[0]!.geometry).toEqual({ type: 'MultiPoint', coordinates: [[39409100, 4034950], [39409300, 4035100]] });
    expect(byName.points!.features[2]!.geometry).toBeNull();
    expect(byName.points!.report).toContainEqual(expect.objectContaining({ code: FormatIssueCode.nullGeometry, severity: 'warning', featureIndex: 2 }));
  });

  it('returns the layer named in options.layer, and refuses a name that is not there', () => {
    const lines = parseGeoFile(fixture('several-layers.zip'), 'several-layers.zip', { layer: 'lines' });
    expect(lines.features).toHaveLength(2);
    expect(lines.crs.epsg).toBe(4527);
    const e = thrown(() => parseGeoFile(fixture('several-layers.zip'), 'several-layers.zip', { layer: '道路' }));
    expect(e.code).toBe(FormatIssueCode.layerNotFound);
    expect(e.message).toBe('压缩包“several-layers.zip”中没有图层“道路”，现有图层：lines、multipoints、points');
  });
});

describe('shapefile coordinate systems that are refused', () => {
  it('Xian 1980: a clear Chinese error asking for conversion to CGCS2000 or a declared CRS', () => {
    const e = thrown(() => parseGeoFile(fixture('parcels-xian80.zip'), 'parcels-xian80.zip'));
    expect(e.code).toBe(FormatIssueCode.crsLegacyDatum);
    expect(e.status).toBe(400);
    expect(e.message).toContain('西安1980坐标系（parcels.prj: Xian_1980_3_Degree_GK_CM_114E）');
    expect(e.message).toContain('请先用转换参数转换为 CGCS2000');
    const declared = parseGeoFile(fixture('parcels-xian80.zip'), 'parcels-xian80.zip', { declaredEpsg: 4527 });
    expect(declared.crs).toMatchObject({ epsg: 4527, source: 'declared' });
  });
});
