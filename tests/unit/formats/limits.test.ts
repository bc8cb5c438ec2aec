import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, FormatIssueCode, parseGeoFile } from '../../../server/src/modules/blueprint/formats/index.ts';
import { fixture, thrown } from './fixture.ts';

const geojson = (features: Feature[]) => new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
const line = (n: number): Feature => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: Array.from({ length: n }, (_, i) => [116 + i * 1e-6, 36.4]) } });

describe('limits', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_LIMITS).toMatchObject({ maxFileBytes: 50 * 1024 * 1024, maxFeatures: 100_000, maxVertices: 1_000_000, maxFeatureVertices: 100_000, maxZipEntries: 1000, maxZipUncompressedBytes: 200 * 1024 * 1024, maxZipRatio: 100 });
  });

  it('file size', () => {
    const e = thrown(() => parseGeoFile(fixture('parcels-utf8.zip'), 'parcels-utf8.zip', { limits: { maxFileBytes: 1000 } }));
    expect(e.code).toBe(FormatIssueCode.fileTooLarge);
    expect(e.status).toBe(413);
    expect(e.message).toMatch(/^文件“parcels-utf8\.zip”大小为 1\.\d KB，超过上限 1000 字节，请拆分后分批导入$/);
  });

  it('feature count, in GeoJSON, shapefile (from the DBF header) and 坐标文件', () => {
    const three = geojson([line(2), line(2), line(2)]);
    expect(thrown(() => parseGeoFile(three, 'a.geojson', { limits: { maxFeatures: 2 } })).message).toBe('文件“a.geojson”有 3 个要素，超过上限 2 个，请拆分后分批导入');
    expect(thrown(() => parseGeoFile(fixture('parcels-utf8.zip'), 'p.zip', { limits: { maxFeatures: 2 } })).code).toBe(FormatIssueCode.tooManyFeatures);
    expect(thrown(() => parseGeoFile(fixture('two-parcels.gbk.txt'), 't.txt', { limits: { maxFeatures: 1 } })).code).toBe(FormatIssueCode.tooManyFeatures);
  });

  it('vertices of one feature, naming the feature', () => {
    const e = thrown(() => parseGeoFile(geojson([line(2), line(11)]), 'b.geojson', { limits: { maxFeatureVertices: 10 } }));
    expect(e.code).toBe(FormatIssueCode.featureTooManyVertices);
    expect(e.message).toBe('文件“b.geojson”的第 2 个要素有 11 个顶点，超过单个要素上限 10 个，请简化或拆分该图形');
    const parcel = thrown(() => parseGeoFile(fixture('two-parcels.gbk.txt'), 't.txt', { limits: { maxFeatureVertices: 9 } }));
    expect(parcel.message).toContain('地块 DK01（第 13 行）有 10 个顶点');
  });

  it('vertices in the whole file', () => {
    const e = thrown(() => parseGeoFile(geojson([line(6), line(6)]), 'c.geojson', { limits: { maxVertices: 10 } }));
    expect(e.code).toBe(FormatIssueCode.tooManyVertices);
    expect(e.message).toBe('文件“c.geojson”的顶点总数超过上限 10 个（读到第 2 个要素时已有 12 个），请拆分后分批导入');
    expect(thrown(() => parseGeoFile(fixture('parcels-utf8.zip'), 'p.zip', { limits: { maxVertices: 12 } })).code).toBe(FormatIssueCode.tooManyVertices);
  });
});
