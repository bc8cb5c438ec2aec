import type { LegendItem } from './legend-items';
import type { Rect } from './print-layout';
import type { ScaleBar } from './scale-bar';

// The browser draws the Chinese text (no font embedding in the PNG or PDF needed).
export const PRINT_FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif';
const INK = '#1f2d3d';

export const font = (px: number, weight = 400) => `${weight} ${Math.round(px)}px ${PRINT_FONT}`;

/**
 * A north arrow turned with the map (`bearing`: degrees clockwise from north) in a white disc of
 * diameter `size`, with 北 written just outside the disc on the side the arrow points to.
 */
export function drawNorthArrow(ctx: CanvasRenderingContext2D, cx: number, cy: number, size: number, bearing: number): void {
  const r = size / 2;
  ctx.save();
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.fillStyle = 'rgba(255,255,255,0.9)';
  ctx.fill();
  ctx.lineWidth = Math.max(1, size / 44);
  ctx.strokeStyle = '#8a96a3';
  ctx.stroke();
  ctx.translate(cx, cy);
  ctx.rotate((-bearing * Math.PI) / 180);
  const tip = -r * 0.82;
  const tail = r * 0.7;
  const notch = r * 0.35;
  const half = r * 0.36;
  // Left half dark, right half light: the classic two-tone arrow reads even in greyscale.
  for (const [side, colour] of [[-1, INK], [1, '#ffffff']] as const) {
    ctx.beginPath();
    ctx.moveTo(0, tip);
    ctx.lineTo(side * half, tail);
    ctx.lineTo(0, notch);
    ctx.closePath();
    ctx.fillStyle = colour;
    ctx.fill();
    ctx.strokeStyle = INK;
    ctx.lineWidth = Math.max(1, size / 44);
    ctx.stroke();
  }
  ctx.translate(0, -r - size * 0.06);
  ctx.rotate((bearing * Math.PI) / 180);
  ctx.font = font(size * 0.32, 700);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.lineWidth = size * 0.08;
  ctx.strokeStyle = 'rgba(255,255,255,0.9)';
  ctx.strokeText('北', 0, 0);
  ctx.fillStyle = INK;
  ctx.fillText('北', 0, 0);
  ctx.restore();
}

/** An alternating black-white bar with 0 and the length written under it, on a white plate. */
export function drawScaleBar(ctx: CanvasRenderingContext2D, x: number, baseline: number, bar: ScaleBar, unit: number): void {
  const h = 6 * unit;
  const pad = 8 * unit;
  const textSize = 12 * unit;
  ctx.save();
  ctx.font = font(textSize);
  const labelWidth = ctx.measureText(bar.label).width;
  const plateWidth = bar.pixels + labelWidth / 2 + 2 * pad + 8 * unit;
  const plateTop = baseline - h - textSize - 3 * pad / 2;
  ctx.fillStyle = 'rgba(255,255,255,0.88)';
  ctx.fillRect(x - pad, plateTop, plateWidth, baseline - plateTop + pad / 2);
  const top = baseline - textSize - pad / 2 - h;
  const quarters = 4;
  for (let i = 0; i < quarters; i++) {
    ctx.fillStyle = i % 2 === 0 ? INK : '#ffffff';
    ctx.fillRect(x + (bar.pixels * i) / quarters, top, bar.pixels / quarters, h);
  }
  ctx.strokeStyle = INK;
  ctx.lineWidth = unit;
  ctx.strokeRect(x, top, bar.pixels, h);
  ctx.fillStyle = INK;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'center';
  ctx.fillText('0', x, baseline);
  ctx.fillText(bar.label, x + bar.pixels, baseline);
  ctx.restore();
}

function drawSwatch(ctx: CanvasRenderingContext2D, item: LegendItem, r: Rect, unit: number): void {
  ctx.save();
  const lineWidth = Math.max(unit, (item.lineWidth ?? 1) * unit);
  ctx.lineWidth = lineWidth;
  ctx.strokeStyle = item.line ?? INK;
  ctx.setLineDash(item.dashed ? [4 * unit, 2 * unit] : []);
  if (item.shape === 'polygon') {
    if (item.fill) {
      ctx.globalAlpha = item.fillOpacity ?? 1;
      ctx.fillStyle = item.fill;
      ctx.fillRect(r.x, r.y, r.width, r.height);
      ctx.globalAlpha = 1;
    }
    if (lineWidth > 0 && item.line !== 'transparent') ctx.strokeRect(r.x + lineWidth / 2, r.y + lineWidth / 2, r.width - lineWidth, r.height - lineWidth);
  } else if (item.shape === 'line') {
    if (item.line !== 'transparent') {
      ctx.beginPath();
      ctx.moveTo(r.x, r.y + r.height / 2);
      ctx.lineTo(r.x + r.width, r.y + r.height / 2);
      ctx.stroke();
    }
  } else {
    ctx.beginPath();
    ctx.arc(r.x + r.width / 2, r.y + r.height / 2, Math.min(r.width, r.height) / 2.4, 0, Math.PI * 2);
    ctx.fillStyle = item.fill ?? item.line ?? INK;
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
}

export function drawLegend(ctx: CanvasRenderingContext2D, box: Rect, items: LegendItem[], rowHeight: number, unit: number): void {
  ctx.save();
  ctx.fillStyle = '#ffffff';
  ctx.strokeStyle = '#c9d1da';
  ctx.lineWidth = unit;
  ctx.fillRect(box.x, box.y, box.width, box.height);
  ctx.strokeRect(box.x + unit / 2, box.y + unit / 2, box.width - unit, box.height - unit);
  ctx.fillStyle = INK;
  ctx.font = font(16 * unit, 700);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.fillText('图例', box.x + 12 * unit, box.y + 20 * unit);
  ctx.font = font(13 * unit);
  items.forEach((item, i) => {
    const rowY = box.y + 36 * unit + i * rowHeight;
    drawSwatch(ctx, item, { x: box.x + 12 * unit, y: rowY + (rowHeight - 14 * unit) / 2, width: 28 * unit, height: 14 * unit }, unit);
    ctx.fillStyle = INK;
    const maxText = box.width - 56 * unit;
    let label = item.label;
    while (label.length > 1 && ctx.measureText(label).width > maxText) label = label.slice(0, -1);
    ctx.fillText(label === item.label ? label : `${label.slice(0, -1)}…`, box.x + 48 * unit, rowY + rowHeight / 2);
  });
  ctx.restore();
}
