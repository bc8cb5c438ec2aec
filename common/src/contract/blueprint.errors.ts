/**
 * Error codes of layers, tiles, import and export (generic ones: http.errors.ts). File findings during
 * an import carry the lower-case issue codes of `server/src/modules/blueprint/formats/format-issues.ts`.
 */
export const BlueprintErrors = {
  BAD_TILE: 'BAD_TILE',
  NOT_POLYGONS: 'NOT_POLYGONS',
  NOTHING_TO_EXPORT: 'NOTHING_TO_EXPORT',
  TOO_MANY: 'TOO_MANY',
} as const;
