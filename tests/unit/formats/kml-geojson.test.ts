import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FormatIssueCode, parseGeoFile } from '../../../server/src/modules/blueprint/formats/index.ts';
import { fixture, rings, thrown } from './fixture.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('KML and KMZ', () => {
  for (const name of ['two-placemarks.kml', 'two-placemarks.kmz']) {
    it(`${name}: two placemarks with names and ExtendedData as properties, WGS84, 2D`, () => {
      const parsed = parseGeoFile(fixture(name), name);
      expect(parsed.format).toBe('kml');
      expect(parsed.crs).toMatchObject({ epsg: 4326, source: 'file' });
      expect(parsed.features.map((f) => f.properties)).toEqual([
        { name: '东昌府区化工园地块', description: '一期', 用途: '工业用地', 区县: '东昌府区' },
        { name: '聊城站', 类型: '交通枢纽' },
      ]);
      expect(rings(parsed.features[0]!.geometry)[0]).toHaveLength(2); // outer + innerBoundaryIs
      expect(parsed.features[1]!.geometry).toEqual({ type: 'Point', coordinates: [115.9633, 36.4389] });
    });
  }

  it('reads a GBK KML by its XML declaration and turns a MultiGeometry of polygons into a MultiPolygon', () => {
    const kml = `<?xml version="1.0" encoding="GBK"?><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>冠县两块地</name><MultiGeometry>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>115.40,36.48 115.41,36.48 115.41,36.49 115.40,36.48</coordinates></LinearRing></outerBoundaryIs></Polygon>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>115.42,36.48 115.43,36.48 115.43,36.49 115.42,36.48</coordinates></LinearRing></outerBoundaryIs></Polygon>
      </MultiGeometry></Placemark></kml>`;
    const parsed = parseGeoFile(new Uint8Array(iconv.encode(kml, 'gbk')), 'gbk.kml');
    expect(parsed.features[0]!.properties).toEqual({ name: '冠县两块地' });
    expect(parsed.features[0]!.geometry.type).toBe('MultiPolygon');
  });

  it('refuses malformed XML and a KMZ without KML in Chinese', () => {
    const bad = thrown(() => parseGeoFile(utf8('<kml><Placemark><name>a</name></kml>'), 'bad.kml'));
    expect(bad.code).toBe(FormatIssueCode.xmlInvalid);
    expect(bad.message).toMatch(/^文件“bad\.kml”不是有效的 KML\/XML/);
    const notKml = thrown(() => parseGeoFile(utf8('<gpx></gpx>'), 'track.kml'));
    expect(notKml.message).toBe('文件“track.kml”的根元素是“gpx”而不是 kml，不是 KML 文件');
  });
});

describe('GeoJSON', () => {
  it('honours the crs member GDAL writes (urn:ogc:def:crs:EPSG::4527)', () => {
    const parsed = parseGeoFile(fixture('parcels-4527-crs.geojson'), 'parcels-4527-crs.geojson');
    expect(parsed.crs).toMatchObject({ epsg: 4527, source: 'file' });
    expect(parsed.features.map((f) => f.properties!['名称'])).toEqual(['东昌府区化工园地块', '高新区仓储地块', '物流园地块']);
    expect(rings(parsed.features[0]!.geometry)[0]![1]).toBeDefined(); // the hole
  });

  it('assumes WGS84 for lon/lat without a crs member, with an info', () => {
    const parsed = parseGeoFile(fixture('parcels-4326.geojson'), 'parcels-4326.geojson');
    expect(parsed.crs).toMatchObject({ epsg: 4326, source: 'default' });
    expect(parsed.report).toContainEqual(expect.objectContaining({ code: FormatIssueCode.crsAssumed, severity: 'info' }));
  });

  it('refuses projected coordinates without a CRS, asking to declare one; a declared CRS reads them', () => {
    const e = thrown(() => parseGeoFile(fixture('projected-no-crs.geojson'), 'projected-no-crs.geojson'));
    expect(e.code).toBe(FormatIssueCode.crsUnknown);
    expect(e.message).toContain('文件“projected-no-crs.geojson”没有坐标系信息');
    expect(e.message).toContain('请在导入时声明坐标系');
    expect(parseGeoFile(fixture('projected-no-crs.geojson'), 'p.geojson', { declaredEpsg: 4527 }).crs).toMatchObject({ epsg: 4527, source: 'declared' });
  });

  it('accepts a bare geometry and a single Feature; closes an open ring with a warning; drops Z', () => {
    const bare = parseGeoFile(utf8('{"type":"Polygon","coordinates":[[[115.9,36.4,10],[116,36.4,10],[116,36.5,10]]]}'), 'bare.json');
    expect(bare.features[0]!.geometry).toEqual({ type: 'Polygon', coordinates: [[[115.9, 36.4], [116, 36.4], [116, 36.5], [115.9, 36.4]]] });
    expect(bare.report).toContainEqual(expect.objectContaining({ code: FormatIssueCode.ringNotClosed, featureIndex: 0 }));
    const single = parseGeoFile(utf8('{"type":"Feature","id":7,"properties":{"名称":"聊城站"},"geometry":{"type":"Point","coordinates":[115.96,36.44]}}'), 'f.geojson');
    expect(single.features).toEqual([{ type: 'Feature', id: 7, properties: { 名称: '聊城站' }, geometry: { type: 'Point', coordinates: [115.96, 36.44] } }]);
  });

  it('names the feature and the reason for bad geometry, and the line for bad JSON', () => {
    const geometry = thrown(() => parseGeoFile(utf8('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[116,36]}},{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[116,"36"]]}}]}'), 'x.geojson'));
    expect(geometry.code).toBe(FormatIssueCode.geojsonInvalid);
    expect(geometry.message).toBe('文件“x.geojson”的第 2 个要素无效：坐标 [116,"36"] 不是数字对');
    const json = thrown(() => parseGeoFile(utf8('{\n"type": "FeatureCollection",\n"features": [,]\n}'), 'broken.geojson'));
    expect(json.code).toBe(FormatIssueCode.jsonInvalid);
    expect(json.message).toContain('第 3 行附近');
    const wrong = thrown(() => parseGeoFile(utf8('{"type":"Topology"}'), 't.json'));
    expect(wrong.message).toContain('type 为“Topology”');
  });

  it('refuses coordinates that contradict the crs member', () => {
    const e = thrown(() => parseGeoFile(utf8('{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:4490"}},"features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[39409100,4035100]}}]}'), 'c.geojson'));
    expect(e.code).toBe(FormatIssueCode.crsMismatch);
    expect(e.message).toContain('不是经纬度');
  });
});

describe('dispatch', () => {
  it('refuses an unknown format and an empty file by name', () => {
    expect(thrown(() => parseGeoFile(utf8('a,b\n1,2'), 'table.csv')).message).toBe('无法识别文件“table.csv”的格式：支持 GeoJSON（.geojson/.json）、Shapefile 压缩包（.zip）、KML/KMZ 和坐标文件（.txt）');
    expect(thrown(() => parseGeoFile(new Uint8Array(0), 'empty.geojson')).code).toBe(FormatIssueCode.emptyFile);
  });

  it('recognises content when the extension is missing', () => {
    expect(parseGeoFile(fixture('two-parcels.gbk.txt'), 'upload').format).toBe('coordinate-file');
    expect(parseGeoFile(fixture('parcels-utf8.zip'), 'upload').format).toBe('shapefile');
  });
});
