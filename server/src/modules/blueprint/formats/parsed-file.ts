import type { Feature } from 'geojson';
import type { FileCrs } from './crs-resolve.ts';
import type { Issue } from './format-issues.ts';

export type GeoFileFormat = 'geojson' | 'shapefile' | 'kml' | 'coordinate-file';

export interface CrsInfo {
  /** null only when nothing could be said (an empty or multi-layer result). */
  epsg: number | null;
  /** file: the file says so (.prj, crs member, 带号, KML's WGS84); declared: the user said so; default: assumed from lon/lat-looking values. */
  source: 'file' | 'declared' | 'default' | 'none';
  detail?: string;
}

/**
 * What a codec makes of a file: features with coordinates untransformed, in the CRS named by `crs`
 * (the server transforms with ST_Transform), and the findings about the file.
 */
export interface ParsedFile {
  format: GeoFileFormat;
  crs: CrsInfo;
  features: Feature[];
  report: Issue[];
}

/** One shapefile of a zip that holds several: `name` is the .shp's base name inside the archive. */
export interface ParsedLayer extends ParsedFile {
  name: string;
}

/**
 * The answer of parseGeoFile. A zip with several shapefiles gives `layers` (one per .shp) and, unless
 * `options.layer` picked one, an empty top-level `features` with crs.source 'none'.
 */
export interface ParsedGeoFile extends ParsedFile {
  layers?: ParsedLayer[];
}

/** What a reader returns before the CRS is settled against the declared one (see crs-resolve.ts). */
export interface RawParse {
  fileCrs: FileCrs;
  features: Feature[];
  report: Issue[];
}
