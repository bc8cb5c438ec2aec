import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/http-client';
import { queryKeys } from '../api/query-keys';
import { showError } from './feedback';

declare module '@tanstack/react-query' {
  interface Register {
    // `silent`: the component shows the error itself.
    queryMeta: { silent?: boolean };
    mutationMeta: { silent?: boolean };
  }
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => handleError(error, query.meta?.silent) }),
    mutationCache: new MutationCache({ onError: (error, _v, _c, mutation) => handleError(error, mutation.meta?.silent) }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // Client errors (4xx) will not heal by retrying.
        retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });

  function handleError(error: Error, silent: boolean | undefined): void {
    if (isApiError(error) && error.isUnauthorized) {
      // The session is gone: clearing it makes RequireAuth send the user to the login page.
      client.setQueryData(queryKeys.session, null);
      return;
    }
    if (!silent) showError(error.message);
  }

  return client;
}
