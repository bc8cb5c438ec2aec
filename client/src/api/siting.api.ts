import type { Polygon, MultiPolygon } from 'geojson';
import type { SitingAnalysis, SitingNeeds } from '../../../common/src/siting.ts';
import { http } from './http-client';

export type { SitingAnalysis, SitingNeeds };

export const analyzeSite = (geometry: Polygon | MultiPolygon, needs?: SitingNeeds) =>
  http.post<SitingAnalysis>('/api/siting/analyze', needs ? { geometry, needs } : { geometry });
