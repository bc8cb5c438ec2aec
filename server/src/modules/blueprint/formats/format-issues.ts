/**
 * Reason codes of every finding and failure the format codecs produce, in one place (the habit of
 * terra-draw's validation reasons): callers and tests match on these, never on message text.
 */
export const FormatIssueCode = {
  // checks in PostGIS after parsing (import/feature-checks.ts, import/geo-import.service.ts)
  geometryRepaired: 'geometry-repaired',
  geometryInvalid: 'geometry-invalid',
  geometryMissing: 'geometry-missing',
  outsideRegion: 'outside-region',
  geometryTypeMismatch: 'geometry-type-mismatch',
  chooseLayer: 'choose-layer',
  // limits and containers
  fileTooLarge: 'file-too-large',
  tooManyFeatures: 'too-many-features',
  tooManyVertices: 'too-many-vertices',
  featureTooManyVertices: 'feature-too-many-vertices',
  unsupportedFormat: 'unsupported-format',
  emptyFile: 'empty-file',
  noFeatures: 'no-features',
  zipInvalid: 'zip-invalid',
  zipTooManyEntries: 'zip-too-many-entries',
  zipTooLarge: 'zip-too-large',
  zipRatio: 'zip-compression-ratio',
  zipUnsafePath: 'zip-unsafe-path',
  zipSymlink: 'zip-symlink',
  zipEncrypted: 'zip-encrypted',
  zipUnsupportedMethod: 'zip-unsupported-method',
  zipNoShapefile: 'zip-no-shapefile',
  zipMissingPart: 'zip-missing-part',
  zipDuplicateEntry: 'zip-duplicate-entry',
  zipEntryRead: 'zip-entry-read',
  multipleLayers: 'multiple-layers',
  layerNotFound: 'layer-not-found',
  // text
  encodingDetected: 'encoding-detected',
  // coordinate reference systems
  crsFromFile: 'crs-from-file',
  crsDeclared: 'crs-declared',
  crsDeclaredOverrides: 'crs-declared-overrides',
  crsAssumed: 'crs-assumed',
  crsUnknown: 'crs-unknown',
  crsUnrecognised: 'crs-unrecognised',
  crsLegacyDatum: 'crs-legacy-datum',
  crsMismatch: 'crs-coordinates-mismatch',
  // 坐标文件
  unknownSection: 'unknown-section',
  headerMissing: 'parcel-header-missing',
  badHeader: 'parcel-header-invalid',
  nonNumericCoordinate: 'non-numeric-coordinate',
  badPointLine: 'point-line-invalid',
  ringTooFewPoints: 'ring-too-few-points',
  ringNotClosed: 'ring-not-closed',
  pointCountMismatch: 'point-count-mismatch',
  axesSwapped: 'axes-swapped',
  axesAmbiguous: 'axes-ambiguous',
  zonePrefixMixed: 'zone-prefix-mixed',
  zoneMismatch: 'zone-mismatch',
  zoneUnknown: 'zone-unknown',
  areaMismatch: 'area-mismatch',
  areaMissing: 'area-missing',
  holeOutsideOuter: 'hole-outside-outer',
  // shapefile / dbf
  shpInvalid: 'shp-invalid',
  shpUnsupportedType: 'shp-unsupported-shape-type',
  nullGeometry: 'null-geometry',
  recordCountMismatch: 'record-count-mismatch',
  dbfInvalid: 'dbf-invalid',
  dbfDeletedRecord: 'dbf-deleted-record',
  dbfUnsupportedField: 'dbf-unsupported-field',
  ringOrientation: 'ring-orientation',
  degenerateRing: 'degenerate-ring',
  // writers
  fieldRenamed: 'field-renamed',
  valueTruncated: 'value-truncated',
  valueSanitised: 'value-sanitised',
  mixedGeometry: 'mixed-geometry',
  // kml / geojson
  xmlInvalid: 'xml-invalid',
  jsonInvalid: 'json-invalid',
  geojsonInvalid: 'geojson-invalid',
  geometryCollection: 'geometry-collection',
} as const;

export type FormatIssueCode = (typeof FormatIssueCode)[keyof typeof FormatIssueCode];

export type IssueSeverity = 'info' | 'warning' | 'error';

/** A finding about a file: returned as a value, never thrown. `featureIndex` is 0-based. */
export interface Issue {
  code: FormatIssueCode;
  severity: IssueSeverity;
  /** Chinese, says what was found and what the user can do. */
  message: string;
  featureIndex?: number;
  figures?: Record<string, number | string>;
}

export const info = (code: FormatIssueCode, message: string, extra: Partial<Issue> = {}): Issue => ({ code, severity: 'info', message, ...extra });
export const warning = (code: FormatIssueCode, message: string, extra: Partial<Issue> = {}): Issue => ({ code, severity: 'warning', message, ...extra });
