import type { FeatureCollection } from 'geojson';

export type ReportSeverity = 'info' | 'warning' | 'error';

/** One finding about the uploaded file, in Chinese, as the server reports it. */
export interface ReportItem {
  code: string;
  severity: ReportSeverity;
  message: string;
  /** 0-based index of the feature the finding is about. */
  featureIndex?: number;
  figures?: Record<string, number | string>;
}

export interface DetectedCrs {
  epsg: number | null;
  /** file: the file says so; declared: the user chose it; default: assumed. */
  source: 'file' | 'declared' | 'default' | 'none';
  /** Null when a zip holds several layers and none is chosen yet. */
  label: string | null;
}

/** `POST /api/geo/parse`: the file read and converted to EPSG:4326; nothing is stored. */
export interface ParseResult {
  format: string;
  crs: DetectedCrs;
  features: FeatureCollection;
  report: ReportItem[];
  /** A zip with several shapefiles: their names; parse again with `layer` to choose one. */
  layers?: string[];
}

/** `POST /api/layers` (201) and `POST /api/layers/{key}/import` (200). */
export interface ImportResult {
  key: string;
  featureCount: number;
  added?: number;
  report: ReportItem[];
}

export type ImportMode = 'append' | 'replace';
