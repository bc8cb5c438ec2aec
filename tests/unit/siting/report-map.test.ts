import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { buildReportMap, chooseScale, formatScale, frameAt, geometryPath, meridianConvergenceDeg, niceLength, NICE_SCALES } from '../../../server/src/modules/siting/report/report-map.ts';

const MM_PER_PT = 25.4 / 72;

describe('report map scale', () => {
  it('takes the largest standard scale at which the site fills at most 70 % of the 515 × 370 pt map box', () => {
    // 400 m wide at 1:2500 is 160 mm; the box is 181.7 mm wide, 70 % of it 127.2 mm: too big. At 1:5000, 80 mm.
    expect(chooseScale(400, 300)).toBe(5000);
    // The box is 130.5 mm high, 70 % of it 91.4 mm: 80 m fits at 1:1000 (80 mm), 100 m does not (100 mm).
    expect(chooseScale(80, 80)).toBe(1000);
    expect(chooseScale(100, 100)).toBe(2000);
    expect(chooseScale(4000, 4500)).toBe(50_000);
    expect(chooseScale(4000, 5500)).toBe(100_000);
    expect(chooseScale(1e7, 1e7)).toBe(NICE_SCALES[NICE_SCALES.length - 1]);
  });

  it('makes a frame whose ground size is the box size times the scale', () => {
    const f = frameAt(39_500_000, 4_000_000, 10_000);
    expect((f.xmax - f.xmin) / 10_000 * 1000).toBeCloseTo(515 * MM_PER_PT, 6);
    expect((f.ymax - f.ymin) / 10_000 * 1000).toBeCloseTo(370 * MM_PER_PT, 6);
  });

  it('picks round scale-bar lengths and prints scales with grouped digits', () => {
    expect(niceLength(453)).toBe(200);
    expect(niceLength(999)).toBe(500);
    expect(niceLength(1000)).toBe(1000);
    expect(niceLength(12.7)).toBe(10);
    expect(formatScale(10_000)).toBe('1:10 000');
    expect(formatScale(500)).toBe('1:500');
  });
});

describe('meridian convergence', () => {
  // Independent: the bearing, in the GK grid, of a short step due north, from proj4's projection.
  const GK39 = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
  const gridBearingOfNorth = (lon: number, lat: number) => {
    const [x0, y0] = proj4('EPSG:4326', GK39, [lon, lat]);
    const [x1, y1] = proj4('EPSG:4326', GK39, [lon, lat + 0.0001]);
    return (Math.atan2(x1! - x0!, y1! - y0!) * 180) / Math.PI;
  };

  it.each([[116.0, 36.45], [117.4, 36.1], [115.6, 36.8]])('at %f°E %f°N equals the grid bearing of true north (opposite sign)', (lon, lat) => {
    expect(meridianConvergenceDeg(lon, lat, 117)).toBeCloseTo(-gridBearingOfNorth(lon, lat), 2);
  });
});

describe('report map drawing', () => {
  const frame = frameAt(39_500_500, 4_000_500, 5000);
  const square = (x: number, y: number, s: number): GeoJSON.Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]] });

  it('projects GK metres to points with y downwards', () => {
    const d = geometryPath(square(frame.xmin, frame.ymax - 100, 100), (x, y) => [(x - frame.xmin) / 1.7638888, (frame.ymax - y) / 1.7638888]);
    expect(d).toBe('M0 56.69L56.69 56.69L56.69 0L0 0L0 56.69Z');
  });

  it('draws layers, the site and one path per highlighted part, with a legend entry for each', () => {
    const m = buildReportMap({
      site: square(39_500_400, 4_000_400, 200),
      siteCentre: { lon: 117, lat: 36.1 },
      frame,
      scale: 5000,
      epsg: 4527,
      zone: 39,
      centralMeridian: 117,
      layers: [{ id: 1, name: '永久基本农田', kind: 'hard', geometryType: 'polygon', sortOrder: 1, style: { fill: '#f9a825', fillOpacity: 0.45, line: '#c17900' } }],
      features: [{ layer_id: 1, id: 10, conflict: true, geometry: square(39_500_300, 4_000_300, 200) }],
      boundaries: [],
      highlights: [
        { severity: 'forbidden', geometry: square(39_500_400, 4_000_400, 100) },
        { severity: 'adjust', geometry: square(39_500_400, 4_000_400, 200) },
      ],
      truncated: false,
    });
    expect(m.legend.map((l) => l.label)).toEqual(['选址范围', '禁止占用部分', '需调整部分', '永久基本农田']);
    expect(m.paths.filter((p) => p.fill === '#f5222d')).toHaveLength(2); // the part and its legend swatch
    expect(m.paths.filter((p) => p.fill === '#722ed1')).toHaveLength(2);
    expect(m.texts.some((t) => t.text === '比例尺 1:5 000')).toBe(true);
    expect(m.texts.some((t) => t.text.includes('EPSG:4527'))).toBe(true);
    expect(m.height).toBeGreaterThan(370);
  });
});
