export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PrintLayout {
  width: number;
  height: number;
  /** Pixels per layout unit: 1 for a screen-resolution map image, 2 for a 2× image. */
  unit: number;
  title: Rect;
  map: Rect;
  legend: Rect;
  legendRowHeight: number;
  footer: Rect;
  northArrow: { cx: number; cy: number; size: number };
  scaleBar: { x: number; y: number; maxWidth: number };
}

// Layout units; multiplied by `unit` so a 2× image gets 2× type and margins and looks the same.
const MARGIN = 24;
const TITLE_HEIGHT = 64;
const FOOTER_HEIGHT = 40;
const GAP = 16;
const LEGEND_WIDTH = 200;
const LEGEND_HEADER = 36;
const LEGEND_ROW = 28;
const ARROW_SIZE = 44;
const SCALE_MAX = 160;

/**
 * The print sheet around a map image drawn 1:1 (no resampling, so the scale bar stays exact):
 * title above, legend column on the right, footer (date, CRS, 演示数据) below; north arrow and
 * scale bar inside the map frame.
 */
export function printLayout(mapWidth: number, mapHeight: number, legendRows: number, unit = 1): PrintLayout {
  const u = (v: number) => v * unit;
  const legendHeight = u(LEGEND_HEADER) + legendRows * u(LEGEND_ROW) + u(12);
  const bodyHeight = Math.max(mapHeight, legendHeight);
  const width = Math.round(u(MARGIN) + mapWidth + u(GAP) + u(LEGEND_WIDTH) + u(MARGIN));
  const height = Math.round(u(MARGIN) + u(TITLE_HEIGHT) + bodyHeight + u(FOOTER_HEIGHT) + u(MARGIN));
  const map: Rect = { x: u(MARGIN), y: u(MARGIN) + u(TITLE_HEIGHT), width: mapWidth, height: mapHeight };
  return {
    width,
    height,
    unit,
    title: { x: u(MARGIN), y: u(MARGIN), width: width - 2 * u(MARGIN), height: u(TITLE_HEIGHT) },
    map,
    legend: { x: map.x + mapWidth + u(GAP), y: map.y, width: u(LEGEND_WIDTH), height: legendHeight },
    legendRowHeight: u(LEGEND_ROW),
    footer: { x: u(MARGIN), y: map.y + bodyHeight, width: width - 2 * u(MARGIN), height: u(FOOTER_HEIGHT) },
    northArrow: { cx: map.x + mapWidth - u(40), cy: map.y + u(54), size: u(ARROW_SIZE) },
    scaleBar: { x: map.x + u(16), y: map.y + mapHeight - u(20), maxWidth: Math.min(u(SCALE_MAX), mapWidth / 3) },
  };
}

/** The largest rectangle of the image's aspect ratio inside a box, centred in it. */
export function fitCentred(imageWidth: number, imageHeight: number, box: Rect): Rect {
  const scale = Math.min(box.width / imageWidth, box.height / imageHeight);
  const width = imageWidth * scale;
  const height = imageHeight * scale;
  return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height };
}

/** ISO A4 landscape in PDF points (1/72 inch): 297 × 210 mm. */
export const A4_LANDSCAPE_PT = { width: (297 / 25.4) * 72, height: (210 / 25.4) * 72 };

/** Where the composed image goes on an A4 landscape page, with a margin in millimetres. */
export function pdfImageRect(imageWidth: number, imageHeight: number, marginMm = 10): Rect {
  const m = (marginMm / 25.4) * 72;
  return fitCentred(imageWidth, imageHeight, { x: m, y: m, width: A4_LANDSCAPE_PT.width - 2 * m, height: A4_LANDSCAPE_PT.height - 2 * m });
}
