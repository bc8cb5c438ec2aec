import iconv from 'iconv-lite';
import proj4 from 'proj4';

/** CGCS2000 / 3-degree Gauss-Krüger zone 39 with the zone number in the easting (EPSG:4527). */
export const EPSG_4527 = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';

/** [X northing, Y easting] as a 坐标文件 writes them. */
export type XY = [number, number];

export interface TestParcel {
  code: string;
  name: string;
  use: string;
  rings: XY[][];
  /** Planar area in the GK plane, outer minus holes, in m² (shoelace, computed here). */
  areaM2: number;
}

function shoelace(ring: XY[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i]![1] * ring[i + 1]![0] - ring[i + 1]![1] * ring[i]![0];
  return Math.abs(sum) / 2;
}

export const rect = (x0: number, y0: number, x1: number, y1: number): XY[] => [
  [x0, y0],
  [x0, y1],
  [x1, y1],
  [x1, y0],
  [x0, y0],
];

// Two parcels in 东昌府区 just east of 东昌湖 (≈116.00°E 36.44°N): a 300 m × 400 m block with a
// 100 m × 100 m hole, and a 200 m × 300 m block north-east of it.
const specs = [
  { code: 'DK01', name: '测试地块一', use: '工业用地', rings: [rect(4035000, 39410000, 4035300, 39410400), rect(4035100, 39410150, 4035200, 39410250)] },
  { code: 'DK02', name: '测试地块二', use: '仓储用地', rings: [rect(4035500, 39410600, 4035700, 39410900)] },
];

export const TEST_PARCELS: TestParcel[] = specs.map((p) => ({ ...p, areaM2: shoelace(p.rings[0]!) - p.rings.slice(1).reduce((s, r) => s + shoelace(r), 0) }));

export const toLonLat = ([x, y]: XY): [number, number] => proj4(EPSG_4527, 'EPSG:4326', [y, x]) as [number, number];

/** The land-approval 坐标文件 of FORMATS.md: GBK, CRLF, zone 39 with the zone prefix. */
export function coordinateFileBytes(parcels: TestParcel[] = TEST_PARCELS): Buffer {
  const lines = ['[属性描述]', '格式版本号=1.01版本', '数据产生单位=一张蓝图测试', '数据产生日期=2026-11-26', '坐标系=2000国家大地坐标系', '几度分带=3', '投影类型=高斯克吕格', '计量单位=米', '带号=39', '精度=0.001', '转换参数=,,,,,,', '[地块坐标]'];
  for (const parcel of parcels) {
    const points = parcel.rings.reduce((n, r) => n + r.length, 0);
    lines.push(`${points},${(parcel.areaM2 / 10000).toFixed(4)},${parcel.code},${parcel.name},面,,${parcel.use},,@`);
    let n = 1;
    parcel.rings.forEach((ring, ringIndex) => {
      const first = n;
      ring.forEach(([x, y], i) => {
        const label = i === ring.length - 1 ? first : n++;
        lines.push(`J${label},${ringIndex + 1},${x.toFixed(3)},${y.toFixed(3)}`);
      });
    });
  }
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'gbk');
}

/** Points of a 坐标文件 (decoded text) by parcel code: [X, Y] per point line, in file order. */
export function readCoordinateFile(text: string): Map<string, XY[]> {
  const parcels = new Map<string, XY[]>();
  let current: XY[] | null = null;
  for (const line of text.split(/\r?\n/)) {
    const fields = line.split(',');
    if (line.trim().endsWith('@')) {
      current = [];
      parcels.set(fields[2]!, current);
    } else if (current && fields.length >= 4 && /^\d+(\.\d+)?$/.test(fields[2]!)) {
      current.push([Number(fields[2]), Number(fields[3])]);
    }
  }
  return parcels;
}
