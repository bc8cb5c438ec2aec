import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import type { SitingAnalysis, SitingNeeds, SitingSeverity } from '../../../common/src/siting.ts';
import { http } from './http-client';

export type { SitingAnalysis, SitingNeeds, SitingSeverity };

export const analyzeSite = (geometry: Polygon | MultiPolygon, needs?: SitingNeeds) =>
  http.post<SitingAnalysis>('/api/siting/analyze', needs ? { geometry, needs } : { geometry });

/** One feature of a layer with its full geometry (`GET /api/layers/:key/features/:id`). */
export interface LayerFeature {
  id: number;
  layer: string;
  layerName: string;
  properties: Record<string, unknown>;
  geometry: Geometry;
}

export const fetchLayerFeature = (layer: string, id: number) => http.get<LayerFeature>(`/api/layers/${encodeURIComponent(layer)}/features/${id}`);

/** A siting rule as `GET /api/siting/rules` lists it. */
export interface SitingRuleRow {
  id: string;
  sortOrder: number;
  layer: string | null;
  kind?: 'hard' | 'soft';
  when?: { property: string; equals: string };
  measure: 'inside' | 'outside';
  severity: SitingSeverity;
  severityWhenClear?: SitingSeverity;
  message: string;
  messageWhenClear?: string;
  basis: string;
  enabled: boolean;
}

export type SitingRuleChange = Partial<{
  severity: SitingSeverity;
  severityWhenClear: SitingSeverity | null;
  message: string;
  messageWhenClear: string | null;
  basis: string;
  enabled: boolean;
  when: { property: string; equals: string } | null;
  sortOrder: number;
}>;

export interface SitingRuleInput {
  id: string;
  layer: string;
  when?: { property: string; equals: string };
  measure: 'inside' | 'outside';
  severity: SitingSeverity;
  message: string;
  basis?: string;
  sortOrder?: number;
}

export const fetchSitingRules = () => http.get<SitingRuleRow[]>('/api/siting/rules');
export const updateSitingRule = (id: string, change: SitingRuleChange) => http.put<SitingRuleRow>(`/api/siting/rules/${encodeURIComponent(id)}`, change);
export const createSitingRule = (input: SitingRuleInput) => http.post<SitingRuleRow>('/api/siting/rules', input);

// 推荐选址 (issue 4 item 4).
import type { RecommendCandidate, RecommendRequest, RecommendResult } from '../../../common/src/siting-recommend.ts';
export type { RecommendCandidate, RecommendRequest, RecommendResult };
export const recommendSites = (request: RecommendRequest) => http.post<RecommendResult>('/api/siting/recommend', request);
