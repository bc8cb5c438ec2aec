import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { IdentifiedFeature, LayerInfo } from '../../api/api.types';
import { fetchFeaturesAt } from '../../api/layers.api';
import { queryKeys } from '../../api/query-keys';
import type { MapClick } from '../../map';
import { identifyRequests, orderHits } from './identify-query';

export interface IdentifyState {
  hits: IdentifiedFeature[];
  selected: IdentifiedFeature | null;
  /** Feed map clicks here. */
  identifyAt(click: MapClick): void;
  select(index: number): void;
  close(): void;
  isFetching: boolean;
  error: Error | null;
}

/** Click → what the visible layers have at that point. Nothing visible, nothing asked. */
export function useIdentify(visibleLayers: LayerInfo[], treeKeys: string[]): IdentifyState {
  const [click, setClick] = useState<MapClick | null>(null);
  const [selectedIndex, setSelectedIndex] = useState(0);

  const requests = useMemo(() => (click ? identifyRequests(click, visibleLayers) : []), [click, visibleLayers]);
  const requestKey = requests.map((r) => `${r.layers.join(',')}@${r.radius}`).join('|');
  const query = useQuery({
    queryKey: queryKeys.featuresAt(click?.lon ?? 0, click?.lat ?? 0, requestKey),
    queryFn: async () => orderHits((await Promise.all(requests.map(fetchFeaturesAt))).flat(), treeKeys),
    enabled: requests.length > 0,
    staleTime: 30_000,
  });

  useEffect(() => setSelectedIndex(0), [query.data]);

  const hits = requests.length ? (query.data ?? []) : [];
  return {
    hits,
    selected: hits[selectedIndex] ?? hits[0] ?? null,
    identifyAt: (next) => {
      setSelectedIndex(0);
      setClick(visibleLayers.length ? next : null);
    },
    select: setSelectedIndex,
    close: () => setClick(null),
    isFetching: query.isFetching,
    error: query.error,
  };
}
