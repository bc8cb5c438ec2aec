export type ExportFormat = 'geojson' | 'shapefile' | 'coordinate-file';
export type GkZone = 38 | 39;
export type TextEncoding = 'gbk' | 'utf8';
export type Bbox = [number, number, number, number];

export interface ExportRequest {
  key: string;
  format: ExportFormat;
  /** 坐标文件 and projected shapefiles: the 3-degree zone the coordinates are written in. */
  zone?: GkZone;
  /** Shapefile in the GK zone instead of CGCS2000 longitude/latitude. */
  projected?: boolean;
  /** 坐标文件 text and shapefile DBF encoding. */
  encoding?: TextEncoding;
  ids?: number[];
  bbox?: Bbox;
}

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  geojson: 'GeoJSON',
  shapefile: 'Shapefile（zip，含 .prj 和 .cpg）',
  'coordinate-file': '坐标文件（.txt）',
};

const FORMAT_EXTENSIONS: Record<ExportFormat, string> = { geojson: 'geojson', shapefile: 'zip', 'coordinate-file': 'txt' };

/** The zone border at 115.5°E: west of it zone 38 (central meridian 114°E), east zone 39 (117°E). */
export const ZONE_BORDER_LON = 115.5;

export function suggestedZone(bbox: Bbox | null): GkZone {
  if (!bbox) return 39;
  return (bbox[0] + bbox[2]) / 2 < ZONE_BORDER_LON ? 38 : 39;
}

// Six decimals of a degree are ~0.1 m: enough for a view rectangle, and a stable URL.
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

export function exportUrl(request: ExportRequest): string {
  const params = new URLSearchParams({ format: request.format });
  const inZone = request.format === 'coordinate-file' || (request.format === 'shapefile' && request.projected === true);
  if (request.format === 'shapefile' && request.projected) params.set('projected', 'true');
  if (inZone && request.zone) params.set('zone', String(request.zone));
  if (request.format !== 'geojson' && request.encoding) params.set('encoding', request.encoding);
  if (request.ids?.length) params.set('ids', request.ids.join(','));
  if (request.bbox) params.set('bbox', request.bbox.map(round6).join(','));
  return `/api/layers/${encodeURIComponent(request.key)}/export?${params.toString()}`;
}

/** "1, 2，3 4" → [1, 2, 3, 4]; anything that is not a positive integer is returned as invalid. */
export function parseIdList(text: string): { ids: number[]; invalid: string[] } {
  const parts = text.split(/[\s,，、;；]+/).filter(Boolean);
  const ids: number[] = [];
  const invalid: string[] = [];
  for (const part of parts) {
    if (/^\d+$/.test(part) && Number(part) > 0) ids.push(Number(part));
    else invalid.push(part);
  }
  return { ids: [...new Set(ids)], invalid };
}

/** The file name a Content-Disposition header gives, preferring the RFC 5987 UTF-8 form. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended?.[2]) {
    try {
      return decodeURIComponent(extended[2].trim().replace(/^"|"$/g, ''));
    } catch {
      // malformed escape: fall back to the plain parameter
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  const name = plain?.[2] ?? plain?.[1]?.trim();
  return name || null;
}

/** Removes what Windows and macOS do not allow in file names. */
export function safeFileName(name: string): string {
  return (
    name
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || '导出'
  );
}

/** A name for the download when the server sends none: 图层名.扩展名. */
export function fallbackExportName(layerName: string, format: ExportFormat): string {
  return `${safeFileName(layerName)}.${FORMAT_EXTENSIONS[format]}`;
}
