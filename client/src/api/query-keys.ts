/** Query keys in one place so invalidation and cache writes agree. */
export const queryKeys = {
  session: ['auth', 'me'] as const,
  health: ['health'] as const,
  mapConfig: ['config', 'map'] as const,
  regions: ['regions'] as const,
  /** Every layer list cache starts with 'layers', so invalidating this prefix refreshes them all. */
  layers: ['layers'] as const,
  featuresAt: (lon: number, lat: number, request: string) => ['identify', lon, lat, request] as const,
};
