import type { FeaturesAt } from '../../../common/src/contract/blueprint.contract.ts';
import type { IdentifiedFeature, LayerInfo } from './api.types';
import { http } from './http-client';

export const fetchLayers = () => http.get<LayerInfo[]>('/api/layers');

export interface FeaturesAtQuery {
  lon: number;
  lat: number;
  /** Search radius in metres (0 = the point itself). */
  radius: number;
  layers: string[];
}

export async function fetchFeaturesAt({ lon, lat, radius, layers }: FeaturesAtQuery): Promise<IdentifiedFeature[]> {
  const params = new URLSearchParams({ lon: lon.toFixed(7), lat: lat.toFixed(7), radius: radius.toFixed(1), layers: layers.join(',') });
  const { features } = await http.get<FeaturesAt>(`/api/layers/features-at?${params}`);
  return features;
}
