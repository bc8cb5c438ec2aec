import { useQuery } from '@tanstack/react-query';
import { fetchMapConfig, fetchRegions } from '../../api/map.api';
import { queryKeys } from '../../api/query-keys';

export function useBlueprintData() {
  const config = useQuery({ queryKey: queryKeys.mapConfig, queryFn: fetchMapConfig, staleTime: Infinity });
  const regions = useQuery({ queryKey: queryKeys.regions, queryFn: fetchRegions, staleTime: Infinity });
  return {
    config: config.data,
    regions: regions.data,
    isPending: config.isPending || regions.isPending,
    error: config.error ?? regions.error,
    retry: () => Promise.all([config.refetch(), regions.refetch()]),
  };
}
