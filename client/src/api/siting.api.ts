import type { MultiPolygon, Polygon } from 'geojson';
import type { LayerFeature } from '../../../common/src/contract/blueprint.contract.ts';
import type {
  RecommendCandidate,
  RecommendRequest,
  RecommendResult,
  SitingAnalysis,
  SitingNeeds,
  SitingRuleChange,
  SitingRuleInput,
  SitingRuleRow,
  SitingSeverity,
} from '../../../common/src/contract/siting.contract.ts';
import { http } from './http-client';

export type { LayerFeature, SitingAnalysis, SitingNeeds, SitingRuleChange, SitingRuleInput, SitingRuleRow, SitingSeverity };

export const analyzeSite = (geometry: Polygon | MultiPolygon, needs?: SitingNeeds) =>
  http.post<SitingAnalysis>('/api/siting/analyze', needs ? { geometry, needs } : { geometry });

export const fetchLayerFeature = (layer: string, id: number) => http.get<LayerFeature>(`/api/layers/${encodeURIComponent(layer)}/features/${id}`);

export const fetchSitingRules = () => http.get<SitingRuleRow[]>('/api/siting/rules');
export const updateSitingRule = (id: string, change: SitingRuleChange) => http.put<SitingRuleRow>(`/api/siting/rules/${encodeURIComponent(id)}`, change);
export const createSitingRule = (input: SitingRuleInput) => http.post<SitingRuleRow>('/api/siting/rules', input);

// 推荐选址 (issue 4 item 4).
export type { RecommendCandidate, RecommendRequest, RecommendResult };
export const recommendSites = (request: RecommendRequest) => http.post<RecommendResult>('/api/siting/recommend', request);
