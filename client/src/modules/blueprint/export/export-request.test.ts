import { describe, expect, it } from 'vitest';
import { exportUrl, fallbackExportName, filenameFromDisposition, parseIdList, safeFileName, suggestedZone } from './export-request';

describe('exportUrl', () => {
  it('sends zone and encoding for a 坐标文件', () => {
    expect(exportUrl({ key: 'land_parcels', format: 'coordinate-file', zone: 38, encoding: 'gbk' })).toBe('/api/layers/land_parcels/export?format=coordinate-file&zone=38&encoding=gbk');
  });

  it('sends no zone outside 坐标文件 and no encoding for GeoJSON', () => {
    expect(exportUrl({ key: 'a', format: 'shapefile', zone: 39, encoding: 'utf8' })).toBe('/api/layers/a/export?format=shapefile&encoding=utf8');
    expect(exportUrl({ key: 'a', format: 'geojson', zone: 39, encoding: 'gbk' })).toBe('/api/layers/a/export?format=geojson');
  });

  it('sends the zone for a projected shapefile', () => {
    expect(exportUrl({ key: 'a', format: 'shapefile', projected: true, zone: 38, encoding: 'gbk' })).toBe('/api/layers/a/export?format=shapefile&projected=true&zone=38&encoding=gbk');
  });

  it('adds ids and a bbox rounded to 6 decimals', () => {
    const url = exportUrl({ key: 'a', format: 'geojson', ids: [3, 5], bbox: [115.123456789, 36.1, 116.2, 36.9999999] });
    expect(new URL(url, 'http://x').searchParams.get('ids')).toBe('3,5');
    expect(new URL(url, 'http://x').searchParams.get('bbox')).toBe('115.123457,36.1,116.2,37');
  });
});

describe('suggestedZone', () => {
  it('uses the 115.5°E border between zone 38 and 39', () => {
    expect(suggestedZone([115.3, 36, 115.6, 37])).toBe(38);
    expect(suggestedZone([115.4, 36, 115.7, 37])).toBe(39);
    expect(suggestedZone(null)).toBe(39);
  });
});

describe('parseIdList', () => {
  it('accepts commas, Chinese commas and spaces, drops duplicates, reports the rest', () => {
    expect(parseIdList('1, 2，3 3、x 0')).toEqual({ ids: [1, 2, 3], invalid: ['x', '0'] });
  });
});

describe('file names', () => {
  it('prefers the UTF-8 name of Content-Disposition', () => {
    const header = `attachment; filename="layer.zip"; filename*=UTF-8''%E6%B5%8B%E8%AF%95%E5%AF%BC%E5%85%A5.zip`;
    expect(filenameFromDisposition(header)).toBe('测试导入.zip');
    expect(filenameFromDisposition('attachment; filename="a b.txt"')).toBe('a b.txt');
    expect(filenameFromDisposition('attachment; filename=plain.geojson')).toBe('plain.geojson');
    expect(filenameFromDisposition(null)).toBeNull();
  });

  it('builds a safe fallback name', () => {
    expect(safeFileName('a/b:c')).toBe('a_b_c');
    expect(fallbackExportName('测试导入地块', 'coordinate-file')).toBe('测试导入地块.txt');
    expect(fallbackExportName('测试', 'shapefile')).toBe('测试.zip');
  });
});
