/**
 * main-roads — 主要道路 (schematic), 演示数据.
 *
 * Rules: expressways, national and provincial roads as hand-placed control points linking the
 * county seats along their approximate real corridors (G22 青兰高速 east–west through 东阿 and
 * the south of the central city to 冠县; G0321 德上高速 north–south through 高唐, 茌平, the east of
 * the central city and 阳谷; 济聊高速 from the east to the central city; G105, G309, G240 and a few
 * provincial roads), smoothed (Chaikin) and clipped to the city. Alignments are schematic.
 */
import type { FeatureCollection, Position } from 'geojson';
import { chaikin, clipLineToArea, collection, feature, finalizeLine, simplifyLine, type LineGeom, type LonLat } from './geo.ts';
import { frameOf, type GeneratorOptions } from './common.ts';
import type { Frame } from './base.ts';

export type RoadGrade = '高速公路' | '国道' | '省道';
export interface RoadProps extends Record<string, unknown> {
  name: string;
  ref: string;
  grade: RoadGrade;
}

interface RouteDef {
  name: string;
  ref: string;
  grade: RoadGrade;
  points: LonLat[];
}

export const ROUTES: readonly RouteDef[] = [
  {
    name: 'G22青兰高速',
    ref: 'G22',
    grade: '高速公路',
    points: [[116.62, 36.4], [116.45, 36.385], [116.3, 36.372], [116.16, 36.385], [116.06, 36.392], [115.97, 36.388], [115.85, 36.405], [115.7, 36.425], [115.55, 36.445], [115.4, 36.452], [115.2, 36.47]],
  },
  {
    name: 'G0321德上高速',
    ref: 'G0321',
    grade: '高速公路',
    points: [[116.33, 37.1], [116.3, 36.96], [116.275, 36.84], [116.245, 36.72], [116.18, 36.61], [116.1, 36.52], [116.085, 36.44], [116.03, 36.34], [115.93, 36.24], [115.86, 36.14], [115.82, 36.03], [115.79, 35.92], [115.77, 35.85]],
  },
  {
    name: '济聊高速',
    ref: '济聊',
    grade: '高速公路',
    points: [[116.65, 36.57], [116.5, 36.555], [116.35, 36.53], [116.22, 36.505], [116.1, 36.495]],
  },
  {
    name: '国道105线',
    ref: 'G105',
    grade: '国道',
    points: [[116.2, 37.1], [116.215, 36.96], [116.228, 36.87], [116.24, 36.74], [116.25, 36.6], [116.14, 36.52], [116.03, 36.475], [115.98, 36.4], [115.93, 36.3], [115.86, 36.2], [115.795, 36.115], [115.77, 36.0], [115.73, 35.86]],
  },
  {
    name: '国道309线',
    ref: 'G309',
    grade: '国道',
    points: [[116.62, 36.36], [116.45, 36.34], [116.26, 36.335], [116.14, 36.39], [116.04, 36.43], [115.95, 36.445], [115.8, 36.455], [115.62, 36.47], [115.445, 36.482], [115.2, 36.5]],
  },
  {
    name: '国道240线',
    ref: 'G240',
    grade: '国道',
    points: [[115.6, 37.05], [115.68, 36.93], [115.715, 36.835], [115.77, 36.72], [115.84, 36.6], [115.86, 36.48], [115.8, 36.36], [115.7, 36.25], [115.64, 36.12], [115.58, 36.0], [115.5, 35.88], [115.42, 35.75]],
  },
  {
    name: '省道316线',
    ref: 'S316',
    grade: '省道',
    points: [[115.98, 36.5], [115.93, 36.58], [115.87, 36.66], [115.8, 36.76], [115.72, 36.84]],
  },
  {
    name: '省道254线',
    ref: 'S254',
    grade: '省道',
    points: [[115.44, 36.48], [115.5, 36.38], [115.6, 36.3], [115.67, 36.23], [115.65, 36.1], [115.6, 35.95], [115.52, 35.8]],
  },
  {
    name: '省道329线',
    ref: 'S329',
    grade: '省道',
    points: [[116.25, 36.58], [116.27, 36.47], [116.25, 36.33], [116.22, 36.22], [116.15, 36.1]],
  },
  {
    name: '省道258线',
    ref: 'S258',
    grade: '省道',
    points: [[115.715, 36.835], [115.85, 36.86], [116.0, 36.87], [116.23, 36.86], [116.4, 36.88], [116.55, 36.9]],
  },
];

export function roadLines(): { def: RouteDef; line: Position[] }[] {
  return ROUTES.map((def) => ({ def, line: chaikin(def.points, 3) }));
}

export function generateMainRoads(counties: FeatureCollection, options: GeneratorOptions = {}): FeatureCollection<LineGeom, RoadProps> {
  const frame: Frame = frameOf(counties, options);
  return collection(
    roadLines().flatMap(({ def, line }) => {
      const parts = clipLineToArea(line, frame.citySet, 50, 20)
        .map((p) => finalizeLine(simplifyLine(p, 3)))
        .filter((p): p is Position[] => p !== null);
      if (parts.length === 0) return [];
      const geometry: LineGeom = parts.length === 1 ? { type: 'LineString', coordinates: parts[0]! } : { type: 'MultiLineString', coordinates: parts };
      return [feature(geometry, { name: def.name, ref: def.ref, grade: def.grade })];
    }),
  );
}
