import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchLayers } from '../../../api/layers.api';
import { queryKeys } from '../../../api/query-keys';

/** The layer list, shared with the layer tree's cache; `enabled` defers it until a drawer opens. */
export function useLayerList(enabled = true) {
  return useQuery({ queryKey: queryKeys.layers, queryFn: fetchLayers, staleTime: 5 * 60_000, enabled });
}

/** After an import: every cached layer list (the key prefix 'layers') is fetched again. */
export function useRefreshLayerLists() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.layers });
}
