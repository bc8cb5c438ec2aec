import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import type { MapDrawing, MapPath } from './report-map.ts';

/** A4 portrait in points, 40 pt margins: the map box (515 pt) spans the text width. */
const PAGE = { width: 595.28, height: 841.89, margin: 40 } as const;
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const FOOTER_SPACE = 36;

export function hexColor(hex: string | undefined, fallback = '#000000'): RGB {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex ?? '') ?? /^#?([0-9a-f]{6})$/i.exec(fallback)!;
  const n = parseInt(m[1]!, 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

export interface TableColumn {
  title: string;
  /** Share of the text width. */
  width: number;
  align?: 'left' | 'right';
}

export interface PdfHeaderInfo {
  footer: string;
  demo: boolean;
}

export interface FontPair {
  regular: Uint8Array;
  bold: Uint8Array;
}

type TextOptions = Omit<NonNullable<Parameters<PDFPage['drawText']>[1]>, 'font'>;

/**
 * A tiny flow layout over pdf-lib: headings, wrapped paragraphs, tables with repeated headers and the
 * report map, paging when the next block does not fit. Chinese wraps at any character; a run of
 * Latin letters or digits is kept together when it fits on a line.
 *
 * Fonts are embedded whole (`subset: false`): pdf-lib's own subsetter (fontkit) drops glyphs of Noto
 * Sans SC, so callers lay the document out once with the full fonts to learn which characters it
 * uses (`used`), subset the fonts to those (harfbuzz, report-document.ts) and lay it out again.
 */
export class PdfFlow {
  private page!: PDFPage;
  private y = 0;
  /** Every character drawn, per font: what a subset must keep. */
  readonly used = { regular: new Set<string>(), bold: new Set<string>() };

  private constructor(
    readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  static async create(title: string, fonts: FontPair): Promise<PdfFlow> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    doc.setTitle(title);
    doc.setLanguage('zh-CN');
    doc.setCreator('一张蓝图 OneBlueprint');
    doc.setProducer('一张蓝图 OneBlueprint');
    // fontkit applies the numerator forms (numr) to digits unless `locl` is off: digits then print as
    // small raised glyphs with wide gaps ("EPSG:4 5 2 7"). Noto Sans SC's default forms are the
    // Simplified ones already, so nothing is lost.
    const options = () => ({ subset: false, features: { locl: false } });
    return new PdfFlow(doc, await doc.embedFont(fonts.regular, options()), await doc.embedFont(fonts.bold, options()));
  }

  private draw(page: PDFPage, text: string, bold: boolean | undefined, options: TextOptions) {
    for (const ch of text) (bold ? this.used.bold : this.used.regular).add(ch);
    page.drawText(text, { ...options, font: bold ? this.bold : this.font });
  }

  private newPage() {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
  }

  private ensure(height: number) {
    if (this.y - height < PAGE.margin + FOOTER_SPACE) this.newPage();
  }

  width(text: string, size: number, bold = false) {
    return (bold ? this.bold : this.font).widthOfTextAtSize(text, size);
  }

  /** Splits text into lines no wider than `max` points. */
  wrap(text: string, size: number, max: number, bold = false): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      const tokens = paragraph.match(/[A-Za-z0-9.,:%°+\-−/()]+|./gu) ?? [''];
      let line = '';
      for (const token of tokens) {
        if (this.width(line + token, size, bold) <= max) {
          line += token;
          continue;
        }
        if (line) lines.push(line);
        line = '';
        // A token longer than a line is cut by character.
        for (const ch of token) {
          if (this.width(line + ch, size, bold) > max && line) {
            lines.push(line);
            line = '';
          }
          line += ch;
        }
      }
      lines.push(line);
    }
    return lines;
  }

  text(text: string, o: { size?: number; bold?: boolean; color?: string; indent?: number; gapAfter?: number; align?: 'left' | 'center' } = {}) {
    const size = o.size ?? 10;
    const lineHeight = size * 1.55;
    const indent = o.indent ?? 0;
    for (const line of this.wrap(text, size, TEXT_WIDTH - indent, o.bold)) {
      this.ensure(lineHeight);
      const w = this.width(line, size, o.bold);
      const x = o.align === 'center' ? PAGE.margin + (TEXT_WIDTH - w) / 2 : PAGE.margin + indent;
      this.draw(this.page, line, o.bold, { x, y: this.y - size, size, color: hexColor(o.color, '#1f1f1f') });
      this.y -= lineHeight;
    }
    this.y -= o.gapAfter ?? 2;
  }

  heading(text: string) {
    // A heading keeps at least a table header and a row with it.
    this.ensure(80);
    this.y -= 8;
    this.text(text, { size: 12.5, bold: true, gapAfter: 4 });
  }

  gap(pt: number) {
    this.y -= pt;
  }

  /** A coloured box with a bold label and wrapped text (the verdict). */
  callout(label: string, text: string, color: string) {
    const size = 10;
    const lines = this.wrap(text, size, TEXT_WIDTH - 20);
    const height = 26 + lines.length * size * 1.55;
    this.ensure(height + 6);
    const top = this.y;
    this.page.drawRectangle({ x: PAGE.margin, y: top - height, width: TEXT_WIDTH, height, color: hexColor(color), opacity: 0.08, borderColor: hexColor(color), borderWidth: 1 });
    this.draw(this.page, label, true, { x: PAGE.margin + 10, y: top - 18, size: 13, color: hexColor(color) });
    lines.forEach((line, i) => this.draw(this.page, line, false, { x: PAGE.margin + 10, y: top - 34 - i * size * 1.55, size, color: hexColor('#1f1f1f') }));
    this.y = top - height - 8;
  }

  table(columns: TableColumn[], rows: string[][], size = 8.5) {
    const widths = columns.map((c) => c.width * TEXT_WIDTH);
    const pad = 3;
    const lineHeight = size * 1.45;
    const layout = (cells: string[], bold: boolean) => cells.map((c, i) => this.wrap(c, size, widths[i]! - 2 * pad, bold));
    const drawRow = (cells: string[][], bold: boolean, shade: boolean) => {
      const height = Math.max(...cells.map((l) => l.length)) * lineHeight + 2 * pad;
      let x = PAGE.margin;
      if (shade) this.page.drawRectangle({ x, y: this.y - height, width: TEXT_WIDTH, height, color: hexColor('#f0f2f5') });
      cells.forEach((lines, i) => {
        const w = widths[i]!;
        lines.forEach((line, k) => {
          const tw = this.width(line, size, bold);
          const tx = columns[i]!.align === 'right' ? x + w - pad - tw : x + pad;
          this.draw(this.page, line, bold, { x: tx, y: this.y - pad - size - k * lineHeight + 1, size, color: hexColor('#1f1f1f') });
        });
        x += w;
      });
      this.page.drawLine({ start: { x: PAGE.margin, y: this.y - height }, end: { x: PAGE.margin + TEXT_WIDTH, y: this.y - height }, thickness: 0.4, color: hexColor('#bfbfbf') });
      this.y -= height;
      return height;
    };
    const header = layout(columns.map((c) => c.title), true);
    const headerHeight = Math.max(...header.map((l) => l.length)) * lineHeight + 2 * pad;
    this.ensure(headerHeight + lineHeight + 2 * pad);
    drawRow(header, true, true);
    for (const row of rows) {
      const cells = layout(row, false);
      const height = Math.max(...cells.map((l) => l.length)) * lineHeight + 2 * pad;
      if (this.y - height < PAGE.margin + FOOTER_SPACE) {
        this.newPage();
        drawRow(header, true, true);
      }
      drawRow(cells, false, false);
    }
    this.y -= 6;
  }

  map(m: MapDrawing) {
    this.ensure(m.height + 4);
    const x = PAGE.margin;
    const top = this.y;
    this.page.drawRectangle({ x, y: top - m.box.height, width: m.box.width, height: m.box.height, color: hexColor('#fbfbf8') });
    for (const p of m.paths) this.drawPath(p, x, top);
    for (const t of m.texts) {
      const w = this.width(t.text, t.size, t.bold);
      const dx = t.anchor === 'middle' ? -w / 2 : t.anchor === 'end' ? -w : 0;
      this.draw(this.page, t.text, t.bold, { x: x + t.x + dx, y: top - t.y, size: t.size, color: hexColor(t.color, '#141414') });
    }
    this.y = top - m.height - 6;
  }

  private drawPath(p: MapPath, x: number, y: number) {
    if (!p.d) return;
    this.page.drawSvgPath(p.d, {
      x,
      y,
      color: p.fill ? hexColor(p.fill) : undefined,
      opacity: p.fill ? (p.fillOpacity ?? 1) : undefined,
      borderColor: p.stroke ? hexColor(p.stroke) : undefined,
      borderWidth: p.stroke ? (p.strokeWidth ?? 1) : 0,
      borderOpacity: p.stroke ? (p.strokeOpacity ?? 1) : undefined,
      borderDashArray: p.stroke ? p.dash : undefined,
    });
  }

  /** Page footers (number, total) and the demo-data mark, once every page exists. */
  footers(info: PdfHeaderInfo) {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => {
      const label = `${info.footer}    第 ${i + 1} 页 / 共 ${pages.length} 页`;
      page.drawLine({ start: { x: PAGE.margin, y: PAGE.margin + 14 }, end: { x: PAGE.width - PAGE.margin, y: PAGE.margin + 14 }, thickness: 0.5, color: hexColor('#8c8c8c') });
      this.draw(page, label, false, { x: PAGE.margin, y: PAGE.margin, size: 8, color: hexColor('#595959') });
      if (info.demo) {
        const mark = '演示数据，不作为审批依据';
        this.draw(page, mark, true, { x: PAGE.width - PAGE.margin - this.width(mark, 8, true), y: PAGE.margin, size: 8, color: hexColor('#cf1322') });
      }
    });
  }

  save(): Promise<Uint8Array> {
    return this.doc.save();
  }
}
