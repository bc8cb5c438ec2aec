/** The file codecs of the blueprint module: bytes users bring ⇄ GeoJSON features in the file's CRS. */
export { parseGeoFile, type ParseOptions } from './parse-geo-file.ts';
export { writeCoordinateFile, type CoordinateFileWriteOptions } from './coordinate-file.writer.ts';
export { writeShapefileZip, type ShapefileWriteOptions } from './shapefile.writer.ts';
export { FormatError } from './format-error.ts';
export { FormatIssueCode, type Issue, type IssueSeverity } from './format-issues.ts';
export { DEFAULT_LIMITS, type FormatLimits } from './format-limits.ts';
export type { CrsInfo, GeoFileFormat, ParsedFile, ParsedGeoFile, ParsedLayer } from './parsed-file.ts';
export { crsLabel, describeEpsg, gkEpsg } from './gk-crs.ts';
