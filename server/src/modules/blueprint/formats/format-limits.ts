/** Bounds on what one uploaded file may contain; every codec takes them as options. */
export interface FormatLimits {
  maxFileBytes: number;
  maxFeatures: number;
  /** Vertices in the whole file. */
  maxVertices: number;
  maxFeatureVertices: number;
  maxZipEntries: number;
  /** Sum of the uncompressed sizes the zip's central directory declares, checked before inflating. */
  maxZipUncompressedBytes: number;
  /** Uncompressed:compressed ratio refused per entry … */
  maxZipRatio: number;
  /** … for entries larger than this (a 20 kB run of blanks compresses 500:1 and harms nobody). */
  zipRatioMinBytes: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<FormatLimits> = Object.freeze({
  maxFileBytes: 50 * MB,
  maxFeatures: 100_000,
  maxVertices: 1_000_000,
  maxFeatureVertices: 100_000,
  maxZipEntries: 1000,
  maxZipUncompressedBytes: 200 * MB,
  maxZipRatio: 100,
  zipRatioMinBytes: 1 * MB,
});

export const resolveLimits = (limits?: Partial<FormatLimits>): FormatLimits => ({ ...DEFAULT_LIMITS, ...limits });

export const formatBytes = (n: number) => (n >= MB ? `${(n / MB).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} 字节`);
