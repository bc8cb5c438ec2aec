import iconv from 'iconv-lite';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { FormatIssueCode, parseGeoFile, writeCoordinateFile } from '../../../server/src/modules/blueprint/formats/index.ts';
import { fixture, rings, thrown } from './fixture.ts';

const KEPT = ['code', 'name', 'use', 'landClassCode', 'declaredAreaHa', 'mapSheet', 'description'];
const pick = (f: Feature) => Object.fromEntries(KEPT.map((k) => [k, f.properties?.[k] ?? null]));

function expectSameCoordinates(a: Feature[], b: Feature[], tolerance = 0.001) {
  expect(b).toHaveLength(a.length);
  a.forEach((f, i) => {
    const ra = rings(f.geometry).flat(2);
    const rb = rings(b[i]!.geometry).flat(2);
    expect(rb).toHaveLength(ra.length);
    ra.forEach((p, j) => {
      expect(Math.abs(rb[j]![0]! - p[0]!)).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(rb[j]![1]! - p[1]!)).toBeLessThanOrEqual(tolerance);
    });
  });
}

describe('writeCoordinateFile', () => {
  const original = parseGeoFile(fixture('two-parcels.gbk.txt'), 'two-parcels.gbk.txt').features;

  it('writes GBK with CRLF line ends, the 属性描述 of the zone and one header per parcel', () => {
    const { bytes } = writeCoordinateFile(original, { zone: 39, prefixed: true, encoding: 'gbk', date: '2024-05-17' });
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // GBK, not UTF-8
    const text = iconv.decode(Buffer.from(bytes), 'gbk');
    expect(text.split('\n').slice(0, -1).every((l) => l.endsWith('\r'))).toBe(true);
    const lines = text.split('\r\n');
    expect(lines).toContain('带号=39');
    expect(lines).toContain('10,2.96,DK01,东昌府区化工园地块,面,,工业用地,0601,@');
    expect(lines).toContain('J1,1,4035100.000,39409100.000'); // X northing first, Y easting with the zone prefix
    expect(lines).toContain('J5,2,4035035.000,39409190.000');
    expect(lines).toContain('5,0.8478,DK02,阳谷县物流园地块,面,J50E008011,商服用地,05,二期扩建用地,@');
  });

  for (const encoding of ['gbk', 'utf8'] as const) {
    it(`round-trips coordinates to 0.001 m and the attributes (${encoding})`, () => {
      const { bytes } = writeCoordinateFile(original, { zone: 39, prefixed: true, encoding });
      const again = parseGeoFile(bytes, `again.${encoding}.txt`);
      expect(again.crs.epsg).toBe(4527);
      expectSameCoordinates(original, again.features, 0);
      expect(again.features.map(pick)).toEqual(original.map(pick));
      expect(again.report.filter((i) => i.severity !== 'info')).toEqual([]);
    });
  }

  it('rounds coordinates to the millimetre and round-trips a multi-part parcel without prefix (EPSG:4548)', () => {
    const features: Feature[] = [
      {
        type: 'Feature',
        properties: { code: 'DK20', name: '两块地', use: '仓储用地' },
        geometry: {
          type: 'MultiPolygon',
          coordinates: [
            [[[412000.12345, 4036000.98765], [412000, 4036050], [412100, 4036050], [412100, 4036000], [412000.12345, 4036000.98765]]],
            [[[412200, 4036000], [412200, 4036040], [412260, 4036040], [412260, 4036000]]], // unclosed: the writer closes it
          ],
        },
      },
    ];
    const { bytes } = writeCoordinateFile(features, { zone: 39, prefixed: false, encoding: 'utf8' });
    const again = parseGeoFile(bytes, 'multi.txt');
    expect(again.crs.epsg).toBe(4548);
    expect(again.features[0]!.geometry.type).toBe('MultiPolygon');
    const first = rings(again.features[0]!.geometry)[0]![0]![0]!;
    expect(first).toEqual([412000.123, 4036000.988]);
    expect(rings(again.features[0]!.geometry)[1]![0]).toHaveLength(5);
    expect(again.features[0]!.properties).toMatchObject({ code: 'DK20', name: '两块地', use: '仓储用地' });
  });

  it('replaces commas inside values (they would split the fields) and reports it', () => {
    const f = { ...original[0]!, properties: { ...original[0]!.properties, name: '化工园,一期' } };
    const { bytes, report } = writeCoordinateFile([f], { zone: 39, prefixed: true, encoding: 'utf8' });
    expect(report).toContainEqual(expect.objectContaining({ code: FormatIssueCode.valueSanitised, featureIndex: 0 }));
    expect(parseGeoFile(bytes, 'x.txt').features[0]!.properties!.name).toBe('化工园，一期');
  });

  it('refuses coordinates that are not in the zone it is asked to write', () => {
    const e = thrown(() => writeCoordinateFile(original, { zone: 39, prefixed: false, encoding: 'gbk' }));
    expect(e.code).toBe(FormatIssueCode.crsMismatch);
    expect(e.message).toContain('第 39 带（不含带号）');
  });
});
