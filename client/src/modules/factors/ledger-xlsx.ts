// Loaded on demand (dynamic import): exceljs stays out of every page until someone exports.
import ExcelJS from 'exceljs';
import type { LedgerSheet } from './ledger-export';

/** An .xlsx of one sheet 要素台账: bold frozen header, numbers kept as numbers. */
export async function ledgerWorkbook(sheet: LedgerSheet): Promise<Blob> {
  const book = new ExcelJS.Workbook();
  book.creator = '一张蓝图';
  const ws = book.addWorksheet('要素台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(sheet.header).font = { bold: true };
  for (const row of sheet.rows) ws.addRow(row);
  ws.columns.forEach((col, i) => {
    const widest = Math.max(...[sheet.header[i] ?? '', ...sheet.rows.map((r) => r[i] ?? '')].map((v) => String(v).length));
    col.width = Math.min(40, Math.max(8, widest * 1.6));
  });
  const buffer = await book.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
