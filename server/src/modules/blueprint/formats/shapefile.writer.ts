import type { Feature } from 'geojson';
import { extentMismatch } from './crs-resolve.ts';
import { esriWkt } from './crs-wkt.ts';
import { planDbfColumns, writeDbf, type DbfColumn } from './dbf.writer.ts';
import { FormatError } from './format-error.ts';
import { FormatIssueCode, type Issue } from './format-issues.ts';
import { extentOf } from './geometry-utils.ts';
import { writeShp } from './shp.writer.ts';
import { encodeText } from './text-decode.ts';
import { writeZip } from './zip-archive.ts';

export interface ShapefileWriteOptions {
  /** Base name of the files inside the zip (characters not allowed in file names are replaced). */
  name: string;
  /** CRS the coordinates are in: 4326, 4490 or a CGCS2000 GK code; written as the .prj. */
  epsg: number;
  encoding: 'gbk' | 'utf8';
}

/**
 * A zip with name.shp/.shx/.dbf/.prj/.cpg. Field names are cut to 10 bytes in the chosen encoding and
 * made unique; the `fields` list says which property went to which field. Findings (renamed fields,
 * truncated strings) are in `report`.
 */
export function writeShapefileZip(features: Feature[], options: ShapefileWriteOptions): { bytes: Uint8Array; fileName: string; fields: DbfColumn[]; report: Issue[] } {
  const extent = extentOf(features);
  const mismatch = extent && extentMismatch(extent, options.epsg);
  if (mismatch) throw new FormatError(FormatIssueCode.crsMismatch, `要写出的坐标与 EPSG:${options.epsg} 不符：${mismatch}`);
  const prj = esriWkt(options.epsg);
  const report: Issue[] = [];
  const fields = planDbfColumns(features, options.encoding, report);
  const { shp, shx } = writeShp(features);
  const dbf = writeDbf(features, fields, options.encoding, report);
  const name = options.name.replace(/[\\/:*?"<>|\x00-\x1f]/g, '_').trim() || 'layer';
  const bytes = writeZip({
    [`${name}.shp`]: shp,
    [`${name}.shx`]: shx,
    [`${name}.dbf`]: dbf,
    [`${name}.prj`]: encodeText(prj, 'utf8'),
    // "GBK" is what QGIS/GDAL write and understand; ArcGIS reads it as well.
    [`${name}.cpg`]: encodeText(options.encoding === 'gbk' ? 'GBK' : 'UTF-8', 'utf8'),
  });
  return { bytes, fileName: `${name}.zip`, fields, report };
}
