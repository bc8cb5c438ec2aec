import type { LayerStyle } from '../../../../../common/src/layers.ts';

/**
 * The siting report's map as a drawing: paths and texts in page points (1/72 inch), y downwards, so the
 * same drawing becomes PDF vector graphics and an SVG. The map is drawn at a true scale in the site's
 * CGCS2000 GK zone: one metre on the ground is 1/scale metre on paper, which makes the scale bar and
 * the printed "1:N" exact (GK distortion near Liaocheng is at most ~0.03 %).
 */

/** The map box on an A4 portrait page with 40 pt margins. */
export const MAP_BOX = { width: 515, height: 370 } as const;
const LEGEND_ROW = 15;
const LEGEND_COLUMNS = 4;
const LEGEND_GAP = 8;

/** The standard map scale series; the report takes the largest that fits the site with a margin. */
export const NICE_SCALES = [500, 1000, 2000, 2500, 5000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000] as const;
/** Metres on paper per point. */
const PT_M = 0.0254 / 72;
/** The site's bounding box takes at most this share of the map box on each axis. */
const SITE_SHARE = 0.7;

export interface Frame {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
}

export function chooseScale(widthM: number, heightM: number, box: { width: number; height: number } = MAP_BOX): number {
  const need = Math.max(widthM / (box.width * SITE_SHARE * PT_M), heightM / (box.height * SITE_SHARE * PT_M));
  return NICE_SCALES.find((s) => s >= need) ?? NICE_SCALES[NICE_SCALES.length - 1]!;
}

/** The ground frame (GK metres) the map box shows at a scale, centred on a point. */
export function frameAt(centreX: number, centreY: number, scale: number, box: { width: number; height: number } = MAP_BOX): Frame {
  const halfW = (box.width * PT_M * scale) / 2;
  const halfH = (box.height * PT_M * scale) / 2;
  return { xmin: centreX - halfW, ymin: centreY - halfH, xmax: centreX + halfW, ymax: centreY + halfH };
}

/** The largest 1, 2 or 5 × 10ⁿ metres not above `maxM`. */
export function niceLength(maxM: number): number {
  const p = 10 ** Math.floor(Math.log10(maxM));
  return [5, 2, 1].map((k) => k * p).find((v) => v <= maxM) ?? p;
}

export function formatDistance(m: number): string {
  return m >= 1000 ? `${+(m / 1000).toFixed(3)} 公里` : `${+m.toFixed(1)} 米`;
}

/** 1:10000 → "1:10 000" (thin-space grouping as on Chinese map sheets). */
export function formatScale(scale: number): string {
  return `1:${String(scale).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}`;
}

/**
 * Meridian convergence γ (degrees) at a point of a transverse Mercator zone: the angle from grid north
 * (up on the map) to true north, positive east of the central meridian. First term of the series,
 * tan γ = tan Δλ · sin φ, good to better than 0.01° within a 3-degree zone at Liaocheng's latitude.
 */
export function meridianConvergenceDeg(lon: number, lat: number, centralMeridian: number): number {
  const rad = Math.PI / 180;
  return Math.atan(Math.tan((lon - centralMeridian) * rad) * Math.sin(lat * rad)) / rad;
}

export interface MapPath {
  d: string;
  fill?: string;
  fillOpacity?: number;
  stroke?: string;
  strokeWidth?: number;
  strokeOpacity?: number;
  dash?: number[];
}

export interface MapText {
  x: number;
  y: number;
  text: string;
  size: number;
  anchor: 'start' | 'middle' | 'end';
  bold?: boolean;
  color?: string;
}

export interface LegendEntry {
  label: string;
  kind: 'polygon' | 'line';
  style: MapPath;
}

export interface MapDrawing {
  width: number;
  height: number;
  /** The map box (features are clipped to it in the database; decorations sit inside it). */
  box: { x: number; y: number; width: number; height: number };
  paths: MapPath[];
  texts: MapText[];
  legend: LegendEntry[];
  scale: number;
  frame: Frame;
  epsg: number;
  zone: number;
  convergenceDeg: number;
  featureCount: number;
  truncated: boolean;
}

export interface MapLayer {
  id: number;
  name: string;
  kind: string;
  geometryType: 'polygon' | 'line' | 'point';
  sortOrder: number;
  style: LayerStyle;
}

export interface MapInput {
  site: GeoJSON.Geometry;
  siteCentre: { lon: number; lat: number };
  frame: Frame;
  scale: number;
  epsg: number;
  zone: number;
  centralMeridian: number;
  layers: MapLayer[];
  features: { layer_id: number; id: number; conflict: boolean; geometry: GeoJSON.Geometry }[];
  boundaries: { name: string; geometry: GeoJSON.Geometry }[];
  /** The parts of the site behind forbidden / adjust findings. */
  highlights: { severity: 'forbidden' | 'adjust'; geometry: GeoJSON.Geometry }[];
  truncated: boolean;
}

export const SITE_STYLE: MapPath = { d: '', stroke: '#0050b3', strokeWidth: 1.8 };
export const HIGHLIGHT_STYLE = {
  forbidden: { d: '', fill: '#f5222d', fillOpacity: 0.55, stroke: '#a8071a', strokeWidth: 0.6 },
  adjust: { d: '', fill: '#722ed1', fillOpacity: 0.3, stroke: '#391085', strokeWidth: 0.9, dash: [3, 2] },
} satisfies Record<string, MapPath>;
const HIGHLIGHT_LABEL = { forbidden: '禁止占用部分', adjust: '需调整部分' } as const;
const SITE_HALO: MapPath = { d: '', stroke: '#ffffff', strokeWidth: 3.6, strokeOpacity: 0.9 };
const BOUNDARY_STYLE: MapPath = { d: '', stroke: '#595959', strokeWidth: 0.9, dash: [6, 2, 1.5, 2] };
const CONFLICT_OUTLINE = '#cf1322';
/** Reference polygons under soft under hard; lines above every polygon. */
const KIND_ORDER: Record<string, number> = { reference: 0, capacity: 1, opportunity: 2, soft: 3, hard: 4 };

const r2 = (v: number) => Math.round(v * 100) / 100;

type Project = (x: number, y: number) => [number, number];

function ringPath(ring: GeoJSON.Position[], project: Project, close: boolean): string {
  let d = '';
  ring.forEach((p, i) => {
    const [x, y] = project(p[0]!, p[1]!);
    d += `${i === 0 ? 'M' : 'L'}${r2(x)} ${r2(y)}`;
  });
  return close && d ? `${d}Z` : d;
}

/** SVG path data of a geometry (polygons closed, lines open; points are not drawn on the report map). */
export function geometryPath(g: GeoJSON.Geometry, project: Project): string {
  switch (g.type) {
    case 'Polygon':
      return g.coordinates.map((ring) => ringPath(ring, project, true)).join('');
    case 'MultiPolygon':
      return g.coordinates.map((poly) => poly.map((ring) => ringPath(ring, project, true)).join('')).join('');
    case 'LineString':
      return ringPath(g.coordinates, project, false);
    case 'MultiLineString':
      return g.coordinates.map((line) => ringPath(line, project, false)).join('');
    case 'GeometryCollection':
      return g.geometries.map((part) => geometryPath(part, project)).join('');
    default:
      return '';
  }
}

function layerStyle(layer: MapLayer, conflict: boolean): MapPath {
  const s = layer.style;
  if (layer.geometryType === 'line') return { d: '', stroke: s.line ?? '#595959', strokeWidth: Math.max(0.5, (s.lineWidth ?? 1) * 0.6) };
  return {
    d: '',
    fill: s.fill,
    fillOpacity: s.fill ? Math.min(0.85, (s.fillOpacity ?? 0.3) * (conflict ? 1.6 : 1)) : undefined,
    stroke: conflict ? CONFLICT_OUTLINE : s.line,
    strokeWidth: conflict ? 0.9 : Math.max(0.3, (s.lineWidth ?? 1) * 0.45),
    dash: conflict ? undefined : s.lineDash,
  };
}

export function buildReportMap(input: MapInput): MapDrawing {
  const { frame, scale } = input;
  const box = { x: 0, y: 0, width: MAP_BOX.width, height: MAP_BOX.height };
  const ptPerM = 1 / (PT_M * scale);
  const project: Project = (x, y) => [(x - frame.xmin) * ptPerM, (frame.ymax - y) * ptPerM];
  const paths: MapPath[] = [];
  const texts: MapText[] = [];
  const legend: LegendEntry[] = [];

  const layers = new Map(input.layers.map((l) => [l.id, l]));
  const drawn = [...new Set(input.features.map((f) => f.layer_id))]
    .map((id) => layers.get(id))
    .filter((l): l is MapLayer => l !== undefined)
    .sort((a, b) => Number(a.geometryType === 'line') - Number(b.geometryType === 'line') || (KIND_ORDER[a.kind] ?? 0) - (KIND_ORDER[b.kind] ?? 0) || a.sortOrder - b.sortOrder);
  for (const layer of drawn) {
    const features = input.features.filter((f) => f.layer_id === layer.id).sort((a, b) => Number(a.conflict) - Number(b.conflict));
    for (const f of features) {
      const d = geometryPath(f.geometry, project);
      if (d) paths.push({ ...layerStyle(layer, f.conflict), d });
    }
    legend.push({ label: layer.name, kind: layer.geometryType === 'line' ? 'line' : 'polygon', style: layerStyle(layer, false) });
  }

  const boundaryPath = input.boundaries.map((b) => geometryPath(b.geometry, project)).join('');
  if (boundaryPath) {
    paths.push({ ...BOUNDARY_STYLE, d: boundaryPath });
    legend.push({ label: '县级界线', kind: 'line', style: BOUNDARY_STYLE });
  }

  // One path per part, adjust under forbidden: parts overlap, and one even-odd path would cancel them.
  const highlightLegend: LegendEntry[] = [];
  for (const severity of ['adjust', 'forbidden'] as const) {
    const parts = input.highlights.filter((h) => h.severity === severity).map((h) => geometryPath(h.geometry, project)).filter(Boolean);
    for (const d of parts) paths.push({ ...HIGHLIGHT_STYLE[severity], d });
    if (parts.length > 0) highlightLegend.unshift({ label: HIGHLIGHT_LABEL[severity], kind: 'polygon', style: HIGHLIGHT_STYLE[severity] });
  }
  const sitePath = geometryPath(input.site, project);
  paths.push({ ...SITE_HALO, d: sitePath }, { ...SITE_STYLE, d: sitePath });
  legend.unshift({ label: '选址范围', kind: 'polygon', style: SITE_STYLE }, ...highlightLegend);

  const convergenceDeg = meridianConvergenceDeg(input.siteCentre.lon, input.siteCentre.lat, input.centralMeridian);
  decorations(paths, texts, box, scale, ptPerM, convergenceDeg, input);

  const legendTop = box.height + LEGEND_GAP;
  const columnWidth = box.width / LEGEND_COLUMNS;
  legend.forEach((entry, i) => {
    const x = (i % LEGEND_COLUMNS) * columnWidth;
    const y = legendTop + Math.floor(i / LEGEND_COLUMNS) * LEGEND_ROW;
    const swatch = entry.kind === 'line' ? `M${x} ${y + 5}L${x + 20} ${y + 5}` : `M${x} ${y}L${x + 20} ${y}L${x + 20} ${y + 10}L${x} ${y + 10}Z`;
    paths.push({ ...entry.style, d: swatch });
    texts.push({ x: x + 25, y: y + 8.5, text: entry.label, size: 8, anchor: 'start' });
  });
  const height = legendTop + Math.ceil(legend.length / LEGEND_COLUMNS) * LEGEND_ROW;

  return {
    width: box.width,
    height,
    box,
    paths,
    texts,
    legend,
    scale,
    frame,
    epsg: input.epsg,
    zone: input.zone,
    convergenceDeg,
    featureCount: input.features.length,
    truncated: input.truncated,
  };
}

/** Frame, north arrow, scale bar and the coordinate-system note, all inside the map box. */
function decorations(paths: MapPath[], texts: MapText[], box: MapDrawing['box'], scale: number, ptPerM: number, convergenceDeg: number, input: MapInput) {
  const white: MapPath = { d: '', fill: '#ffffff', fillOpacity: 0.85, stroke: '#8c8c8c', strokeWidth: 0.4 };
  const black = '#141414';

  // North arrow: up is grid north; the note gives the angle to true north.
  const ax = box.width - 26;
  const ay = 14;
  paths.push({ ...white, d: `M${ax - 16} ${ay - 6}L${ax + 16} ${ay - 6}L${ax + 16} ${ay + 44}L${ax - 16} ${ay + 44}Z` });
  paths.push({ d: `M${ax} ${ay + 10}L${ax + 7} ${ay + 36}L${ax} ${ay + 30}Z`, fill: black });
  paths.push({ d: `M${ax} ${ay + 10}L${ax - 7} ${ay + 36}L${ax} ${ay + 30}Z`, fill: '#ffffff', stroke: black, strokeWidth: 0.6 });
  texts.push({ x: ax, y: ay + 6, text: '北', size: 9, anchor: 'middle', bold: true });

  // Scale bar: four alternating segments of a round length, at most a quarter of the map width.
  const lengthM = niceLength((box.width / 4) / ptPerM);
  const lengthPt = lengthM * ptPerM;
  const sx = 12;
  const sy = box.height - 16;
  paths.push({ ...white, d: `M${sx - 6} ${sy - 22}L${sx + lengthPt + 48} ${sy - 22}L${sx + lengthPt + 48} ${sy + 9}L${sx - 6} ${sy + 9}Z` });
  for (let i = 0; i < 4; i++) {
    const x0 = sx + (lengthPt / 4) * i;
    paths.push({ d: `M${r2(x0)} ${sy}L${r2(x0 + lengthPt / 4)} ${sy}L${r2(x0 + lengthPt / 4)} ${sy + 4}L${r2(x0)} ${sy + 4}Z`, fill: i % 2 === 0 ? black : '#ffffff', stroke: black, strokeWidth: 0.5 });
  }
  texts.push({ x: sx, y: sy - 3, text: '0', size: 7, anchor: 'middle' });
  texts.push({ x: sx + lengthPt, y: sy - 3, text: formatDistance(lengthM), size: 7, anchor: 'middle' });
  texts.push({ x: sx, y: sy - 13, text: `比例尺 ${formatScale(scale)}`, size: 8, anchor: 'start', bold: true });

  // Coordinate reference, bottom right.
  const note = `CGCS2000 3°带 第${input.zone}带（EPSG:${input.epsg}） 子午线收敛角 ${convergenceDeg >= 0 ? '+' : '−'}${Math.abs(convergenceDeg).toFixed(2)}°`;
  paths.push({ ...white, d: `M${box.width - 262} ${box.height - 20}L${box.width - 4} ${box.height - 20}L${box.width - 4} ${box.height - 4}L${box.width - 262} ${box.height - 4}Z` });
  texts.push({ x: box.width - 8, y: box.height - 9, text: note, size: 7, anchor: 'end' });
  if (input.truncated) texts.push({ x: 8, y: 14, text: '图幅内要素过多，仅绘制与选址冲突的要素及部分周边要素', size: 7, anchor: 'start', color: '#ad4e00' });

  // Neat line.
  paths.push({ d: `M0 0L${box.width} 0L${box.width} ${box.height}L0 ${box.height}Z`, stroke: black, strokeWidth: 0.8 });
}
