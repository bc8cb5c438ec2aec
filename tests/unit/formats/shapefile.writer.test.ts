import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { FormatIssueCode, parseGeoFile, writeShapefileZip } from '../../../server/src/modules/blueprint/formats/index.ts';
import { fixture, rings, thrown } from './fixture.ts';

const hasGdal = spawnSync('ogrinfo', ['--version']).status === 0;
const source = parseGeoFile(fixture('parcels-gbk-cp936.zip'), 'parcels-gbk-cp936.zip').features;

describe('writeShapefileZip', () => {
  for (const encoding of ['gbk', 'utf8'] as const) {
    it(`round-trips coordinates exactly and Chinese attributes (${encoding})`, () => {
      const { bytes, fileName, report } = writeShapefileZip(source, { name: '聊城地块', epsg: 4527, encoding });
      expect(fileName).toBe('聊城地块.zip');
      expect(report).toEqual([]);
      expect(Object.keys(unzipSync(bytes)).sort()).toEqual(['聊城地块.cpg', '聊城地块.dbf', '聊城地块.prj', '聊城地块.shp', '聊城地块.shx']);
      const again = parseGeoFile(bytes, fileName);
      expect(again.crs.epsg).toBe(4527);
      expect(again.features.map((f) => f.geometry)).toEqual(source.map((f) => f.geometry));
      expect(again.features.map((f) => f.properties)).toEqual(source.map((f) => f.properties));
      expect(again.report).toContainEqual(expect.objectContaining({ code: FormatIssueCode.encodingDetected, figures: { encoding: encoding === 'gbk' ? 'GB18030' : 'UTF-8' } }));
    });
  }

  it('cuts field names to 10 bytes in the chosen encoding and makes them unique, reporting each', () => {
    const features: Feature[] = [{ type: 'Feature', geometry: { type: 'Point', coordinates: [116, 36.4] }, properties: { 地块用途分类一: 'a', 地块用途分类二: 'b', description_long: 'c', 名称: 'd' } }];
    const gbk = writeShapefileZip(features, { name: 'p', epsg: 4490, encoding: 'gbk' });
    expect(gbk.fields.map((f) => f.field)).toEqual(['地块用途分', '地块用途_1', 'descriptio', '名称']);
    expect(gbk.report.filter((i) => i.code === FormatIssueCode.fieldRenamed)).toHaveLength(3);
    const utf8 = writeShapefileZip(features, { name: 'p', epsg: 4490, encoding: 'utf8' });
    expect(utf8.fields.map((f) => f.field)).toEqual(['地块用', '地块_1', 'descriptio', '名称']); // 3 × 3 bytes; 2 × 3 + 2
    expect(parseGeoFile(utf8.bytes, 'p.zip').features[0]!.properties).toEqual({ 地块用: 'a', 地块_1: 'b', descriptio: 'c', 名称: 'd' });
  });

  it('truncates long strings at 254 bytes without splitting a character', () => {
    const long = '聊'.repeat(200);
    const features: Feature[] = [{ type: 'Feature', geometry: { type: 'Point', coordinates: [116, 36.4] }, properties: { 说明: long } }];
    for (const [encoding, chars] of [['gbk', 127], ['utf8', 84]] as const) {
      const { bytes, report } = writeShapefileZip(features, { name: 'p', epsg: 4490, encoding });
      expect(parseGeoFile(bytes, 'p.zip').features[0]!.properties!['说明']).toBe('聊'.repeat(chars));
      expect(report).toContainEqual(expect.objectContaining({ code: FormatIssueCode.valueTruncated, figures: { property: '说明', count: 1 } }));
    }
  });

  it('writes numbers as N fields, booleans as L, missing values as empty', () => {
    const features: Feature[] = [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [116, 36.4] }, properties: { 面积: 2.9612, 编号: 12, 在库: true, 备注: null } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [116.1, 36.5] }, properties: { 面积: -0.5, 编号: null, 在库: false } },
    ];
    const { bytes, fields } = writeShapefileZip(features, { name: 'p', epsg: 4326, encoding: 'gbk' });
    expect(fields.map((f) => [f.field, f.type, f.length, f.decimals])).toEqual([
      ['面积', 'N', 7, 4], // "-0.5000"
      ['编号', 'N', 2, 0],
      ['在库', 'L', 1, 0],
      ['备注', 'C', 1, 0],
    ]);
    expect(parseGeoFile(bytes, 'p.zip').features.map((f) => f.properties)).toEqual([
      { 面积: 2.9612, 编号: 12, 在库: true, 备注: null },
      { 面积: -0.5, 编号: null, 在库: false, 备注: null },
    ]);
  });

  it('winds rings the ESRI way, so a GeoJSON-wound polygon keeps its hole', () => {
    const ccwOuterCwHole: Feature = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]].map(([x, y]) => [39409000 + x! * 10, 4035000 + y! * 10]), [[2, 2], [2, 4], [4, 4], [4, 2], [2, 2]].map(([x, y]) => [39409000 + x! * 10, 4035000 + y! * 10])] },
    };
    const again = parseGeoFile(writeShapefileZip([ccwOuterCwHole], { name: 'h', epsg: 4527, encoding: 'utf8' }).bytes, 'h.zip');
    expect(again.features[0]!.geometry.type).toBe('Polygon');
    expect(rings(again.features[0]!.geometry)[0]).toHaveLength(2);
  });

  it('refuses mixed geometry types and coordinates that are not in the given CRS', () => {
    const mixed: Feature[] = [
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [116, 36] } },
      { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[116, 36], [116.1, 36]] } },
    ];
    expect(thrown(() => writeShapefileZip(mixed, { name: 'm', epsg: 4490, encoding: 'gbk' })).code).toBe(FormatIssueCode.mixedGeometry);
    expect(thrown(() => writeShapefileZip(source, { name: 'm', epsg: 4490, encoding: 'gbk' })).code).toBe(FormatIssueCode.crsMismatch);
  });

  it.skipIf(!hasGdal)('writes files GDAL reads: attributes, hole, multipolygon and the CRS (ogrinfo -al)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shp-writer-'));
    try {
      const path = join(dir, 'out.zip');
      writeFileSync(path, writeShapefileZip(source, { name: 'parcels', epsg: 4527, encoding: 'gbk' }).bytes);
      const run = spawnSync('ogrinfo', ['-al', '/vsizip/' + path], { encoding: 'buffer' });
      const out = run.stdout.toString('utf8');
      expect(run.status).toBe(0);
      expect(out).toContain('区县 (String) = 东昌府区');
      expect(out).toContain('用途 (String) = 工业用地');
      expect(out).toContain('面积 (Real) = 2.96');
      expect(out).toContain('POLYGON ((39409100 4034950,39409100 4035100,39409300 4035100,39409300 4034950,39409100 4034950),(39409190 4035015,39409210 4035015,39409210 4035035,39409190 4035035,39409190 4035015))');
      expect(out).toMatch(/MULTIPOLYGON \(\(\(.*\)\),\(\(.*\)\)\)/);
      expect(out).toContain('CGCS2000 / 3-degree Gauss-Kruger zone 39');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
