/** Query keys in one place so invalidation and cache writes agree. */
export const queryKeys = {
  session: ['auth', 'me'] as const,
  health: ['health'] as const,
  mapConfig: ['config', 'map'] as const,
  regions: ['regions'] as const,
};
