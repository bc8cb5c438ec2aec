import type { MapSnapshot } from '../../../map';
import type { LegendItem } from './legend-items';
import { drawLegend, drawNorthArrow, drawScaleBar, font } from './print-draw';
import { printLayout } from './print-layout';
import { printDate } from './print-text';
import { metresPerPixel, scaleBar } from './scale-bar';

export interface PrintSheet {
  snapshot: MapSnapshot;
  title: string;
  date: Date;
  legend: LegendItem[];
  /** The map shows demo data: say so on the sheet. */
  demo: boolean;
}

/** The whole print sheet on one canvas: title, map, legend, scale bar, north arrow, footer. */
export function composePrint({ snapshot, title, date, legend, demo }: PrintSheet): HTMLCanvasElement {
  const { image } = snapshot;
  const unit = Math.max(1, snapshot.pixelRatio);
  const layout = printLayout(image.width, image.height, legend.length, unit);
  const canvas = document.createElement('canvas');
  canvas.width = layout.width;
  canvas.height = layout.height;
  const ctx = canvas.getContext('2d')!;

  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);

  ctx.fillStyle = '#1f2d3d';
  ctx.font = font(28 * unit, 700);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(title, layout.title.x + layout.title.width / 2, layout.title.y + layout.title.height / 2 - 4 * unit, layout.title.width);

  const { map } = layout;
  ctx.drawImage(image, map.x, map.y);
  ctx.strokeStyle = '#4f6478';
  ctx.lineWidth = unit;
  ctx.strokeRect(map.x - unit / 2, map.y - unit / 2, map.width + unit, map.height + unit);

  drawNorthArrow(ctx, layout.northArrow.cx, layout.northArrow.cy, layout.northArrow.size, snapshot.bearing);
  // Metres per pixel along the centre parallel, as MapLibre's scale control measures them.
  const bar = scaleBar(metresPerPixel(snapshot.center[1], snapshot.zoom, snapshot.pixelRatio), layout.scaleBar.maxWidth);
  drawScaleBar(ctx, layout.scaleBar.x, layout.scaleBar.y, bar, unit);

  drawLegend(ctx, layout.legend, legend, layout.legendRowHeight, unit);

  const { footer } = layout;
  const baseline = footer.y + footer.height / 2 + 2 * unit;
  ctx.font = font(13 * unit);
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#3a4a5c';
  ctx.textAlign = 'left';
  ctx.fillText(`制图日期：${printDate(date)}`, footer.x, baseline);
  ctx.textAlign = 'center';
  const tilted = snapshot.pitch > 1 ? '；地图倾斜，比例尺仅适用于图面中心' : '';
  ctx.fillText(`坐标系：CGCS2000（EPSG:4490）${tilted}`, footer.x + footer.width / 2, baseline);
  ctx.textAlign = 'right';
  if (demo) {
    ctx.fillStyle = '#c4501d';
    ctx.font = font(13 * unit, 700);
    ctx.fillText('演示数据，仅供演示', footer.x + footer.width, baseline);
  } else {
    ctx.fillText('一张蓝图', footer.x + footer.width, baseline);
  }
  return canvas;
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('无法生成图片'))), 'image/png'));
}
