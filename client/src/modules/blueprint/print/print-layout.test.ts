import { describe, expect, it } from 'vitest';
import { A4_LANDSCAPE_PT, fitCentred, pdfImageRect, printLayout } from './print-layout';
import { printDate, printFileName } from './print-text';

describe('printLayout', () => {
  it('puts the map 1:1 under the title with the legend to its right and the footer below', () => {
    const l = printLayout(1000, 600, 4);
    expect(l.map).toEqual({ x: 24, y: 88, width: 1000, height: 600 });
    expect(l.width).toBe(24 + 1000 + 16 + 200 + 24);
    expect(l.height).toBe(24 + 64 + 600 + 40 + 24);
    expect(l.legend.x).toBe(1040);
    expect(l.footer.y).toBe(688);
    // North arrow and scale bar lie inside the map frame.
    expect(l.northArrow.cx + l.northArrow.size / 2).toBeLessThanOrEqual(l.map.x + l.map.width);
    expect(l.scaleBar.y).toBeLessThan(l.map.y + l.map.height);
    expect(l.scaleBar.x + l.scaleBar.maxWidth).toBeLessThan(l.map.x + l.map.width);
  });

  it('grows the sheet when the legend is taller than the map', () => {
    const l = printLayout(800, 200, 20);
    expect(l.legend.height).toBe(36 + 20 * 28 + 12);
    expect(l.footer.y).toBe(l.map.y + l.legend.height);
    expect(l.height).toBe(24 + 64 + l.legend.height + 40 + 24);
  });

  it('scales margins and type with the image pixel ratio', () => {
    const one = printLayout(500, 300, 3, 1);
    const two = printLayout(1000, 600, 3, 2);
    expect(two.width).toBe(one.width * 2);
    expect(two.height).toBe(one.height * 2);
    expect(two.legendRowHeight).toBe(56);
  });
});

describe('fitCentred and the PDF page', () => {
  it('keeps the aspect ratio and centres', () => {
    expect(fitCentred(200, 100, { x: 0, y: 0, width: 100, height: 100 })).toEqual({ x: 0, y: 25, width: 100, height: 50 });
  });

  it('A4 landscape is 841.89 × 595.28 pt and the image fits inside the 10 mm margin', () => {
    expect(A4_LANDSCAPE_PT.width).toBeCloseTo(841.89, 2);
    expect(A4_LANDSCAPE_PT.height).toBeCloseTo(595.28, 2);
    const r = pdfImageRect(1704, 966);
    const margin = (10 / 25.4) * 72;
    expect(r.x).toBeCloseTo(margin, 6); // the wide image touches the side margins
    expect(r.width / r.height).toBeCloseTo(1704 / 966, 9);
    expect(r.y).toBeGreaterThanOrEqual(margin);
    expect(r.y + r.height).toBeLessThanOrEqual(A4_LANDSCAPE_PT.height - margin + 1e-9);
  });
});

describe('print text', () => {
  const date = new Date(2026, 0, 5, 9, 7);

  it('writes the date the Chinese way without leading zeros', () => {
    expect(printDate(date)).toBe('2026年1月5日');
  });

  it('builds a safe file name with the local time', () => {
    expect(printFileName('聊城市一张蓝图', date, 'png')).toBe('聊城市一张蓝图_20260105_0907.png');
    expect(printFileName(' 东昌府区/用地 图? ', date, 'pdf')).toBe('东昌府区_用地图_20260105_0907.pdf');
    expect(printFileName('  ', date, 'pdf')).toBe('聊城市一张蓝图_20260105_0907.pdf');
  });
});
