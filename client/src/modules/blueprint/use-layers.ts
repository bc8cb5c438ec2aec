import { useQuery } from '@tanstack/react-query';
import { fetchLayers } from '../../api/layers.api';
import { queryKeys } from '../../api/query-keys';

/** The thematic layers this user may see (`GET /api/layers`). */
export function useLayers() {
  return useQuery({ queryKey: queryKeys.layers, queryFn: fetchLayers, staleTime: 5 * 60_000 });
}
