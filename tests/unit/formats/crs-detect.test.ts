import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { crsFromWkt, epsgFromGeoJsonCrs } from '../../../server/src/modules/blueprint/formats/crs-detect.ts';
import { gkEpsg } from '../../../server/src/modules/blueprint/formats/index.ts';

const prj = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/formats/prj/${name}`, import.meta.url)), 'utf8');

describe('.prj WKT → EPSG (texts written by gdalsrsinfo)', () => {
  const cases: Array<[string, number]> = [
    ['esri-4490.prj', 4490], // GCS_China_Geodetic_Coordinate_System_2000
    ['esri-4326.prj', 4326],
    ['esri-4527.prj', 4527], // CGCS2000_3_Degree_GK_Zone_39, false easting 39 500 000
    ['esri-4526.prj', 4526], // zone 38 (冠县, 莘县, 临清)
    ['esri-4548.prj', 4548], // CGCS2000_3_Degree_GK_CM_117E, false easting 500 000
    ['esri-4509.prj', 4509], // 6-degree CM 117E: same parameters as 4548, told apart by the name
    ['esri-4498.prj', 4498], // 6-degree zone 20 with prefix
    ['ogc-wkt1-4527.prj', 4527], // AUTHORITY["EPSG","4527"]
    ['wkt2-4548.prj', 4548], // WKT 2: ID["EPSG",4548]
    ['ogc-wkt1-32650.prj', 32650], // any AUTHORITY code is taken: PostGIS knows it
  ];
  for (const [file, epsg] of cases) it(`${file} → EPSG:${epsg}`, () => expect(crsFromWkt(prj(file), file)).toMatchObject({ epsg, issues: [] }));

  it('recognises the GK zone by central meridian and false easting when the name says nothing', () => {
    const wkt = prj('esri-4527.prj').replace('CGCS2000_3_Degree_GK_Zone_39', 'my_projection');
    expect(crsFromWkt(wkt, 'a.prj').epsg).toBe(4527);
    const cm114 = prj('esri-4548.prj').replace('CGCS2000_3_Degree_GK_CM_117E', 'x').replace('"Central_Meridian",117.0', '"Central_Meridian",114.0');
    expect(crsFromWkt(cm114, 'b.prj').epsg).toBe(4547);
  });

  it('believes the parameters over a contradicting name, and says so', () => {
    const wkt = prj('esri-4527.prj').replace('"False_Easting",39500000.0', '"False_Easting",500000.0');
    const found = crsFromWkt(wkt, 'c.prj');
    expect(found.epsg).toBe(4548);
    expect(found.issues[0]!.message).toContain('与其参数（中央经线 117°，东伪偏移 500000 m）不一致');
  });

  it('flags Xian 1980 and Beijing 1954 as legacy datums', () => {
    expect(crsFromWkt(prj('esri-2383.prj'), 'x.prj')).toMatchObject({ epsg: null, legacyDatum: '西安1980' });
    expect(crsFromWkt(prj('esri-2436.prj'), 'b.prj')).toMatchObject({ epsg: null, legacyDatum: '北京1954' });
  });

  it('does not guess at a CRS it does not know, and says how to go on', () => {
    const lambert = 'PROJCS["Local",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["Central_Meridian",116.0],PARAMETER["False_Easting",0.0],UNIT["Meter",1.0]]';
    const found = crsFromWkt(lambert, 'l.prj');
    expect(found.epsg).toBeNull();
    expect(found.issues[0]!.message).toContain('请在导入时声明 EPSG 代码');
    expect(crsFromWkt('not wkt', 'n.prj').issues[0]!.message).toBe('n.prj 的内容无法解析为坐标系定义（WKT），请在导入时声明坐标系');
  });
});

describe('GeoJSON crs member and zone arithmetic', () => {
  it('reads the forms in use', () => {
    expect(epsgFromGeoJsonCrs({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4527' } })).toBe(4527);
    expect(epsgFromGeoJsonCrs({ type: 'name', properties: { name: 'EPSG:4490' } })).toBe(4490);
    expect(epsgFromGeoJsonCrs({ type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } })).toBe(4326);
    expect(epsgFromGeoJsonCrs({ type: 'name', properties: { name: 'http://www.opengis.net/def/crs/EPSG/0/4548' } })).toBe(4548);
    expect(epsgFromGeoJsonCrs({ type: 'EPSG', properties: { code: 4526 } })).toBe(4526);
    expect(epsgFromGeoJsonCrs(undefined)).toBeUndefined();
    expect(epsgFromGeoJsonCrs({ type: 'name', properties: { name: 'whatever' } })).toBeNull();
  });

  it('maps zones to the EPSG table: 38 → 4526/4547, 39 → 4527/4548, 25 and 45 at the ends', () => {
    expect([gkEpsg(38, true), gkEpsg(38, false), gkEpsg(39, true), gkEpsg(39, false)]).toEqual([4526, 4547, 4527, 4548]);
    expect([gkEpsg(25, true), gkEpsg(45, false), gkEpsg(46, true), gkEpsg(20, true, 6)]).toEqual([4513, 4554, null, 4498]);
  });
});
