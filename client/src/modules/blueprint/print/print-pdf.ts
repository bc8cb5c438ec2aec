import { A4_LANDSCAPE_PT, pdfImageRect } from './print-layout';

/**
 * An A4 landscape PDF holding the composed PNG. The Chinese text is already pixels in the image,
 * so no CJK font has to be embedded. pdf-lib is loaded only when a PDF is asked for.
 */
export async function pngToPdf(png: Blob, title: string): Promise<Blob> {
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setCreator('一张蓝图 OneBlueprint');
  doc.setProducer('一张蓝图 OneBlueprint');
  const image = await doc.embedPng(new Uint8Array(await png.arrayBuffer()));
  const page = doc.addPage([A4_LANDSCAPE_PT.width, A4_LANDSCAPE_PT.height]);
  const r = pdfImageRect(image.width, image.height);
  page.drawImage(image, { x: r.x, y: r.y, width: r.width, height: r.height });
  const bytes = await doc.save();
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
}
