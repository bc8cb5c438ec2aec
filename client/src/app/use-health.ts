import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import { fetchHealth } from '../api/system.api';

/** Server status; silent because the login page must work even when this call fails. */
export function useHealth() {
  return useQuery({ queryKey: queryKeys.health, queryFn: fetchHealth, meta: { silent: true }, staleTime: 5 * 60_000 });
}
