import { useQuery } from '@tanstack/react-query';
import type { Geometry } from 'geojson';
import { fetchLayerFeature, type SitingAnalysis } from '../../../api/siting.api';

/** Features fetched per analysis at most: a site over hundreds of farmland patches outlines the first ones. */
export const MAX_FINDING_FEATURES = 300;

export type FindingGeometries = Record<string, Geometry[]>;

async function fetchAll(analysis: SitingAnalysis): Promise<FindingGeometries> {
  const wanted = analysis.findings.flatMap((f) => f.featureIds.map((id) => ({ layer: f.layer, id }))).slice(0, MAX_FINDING_FEATURES);
  const unique = [...new Map(wanted.map((w) => [`${w.layer}/${w.id}`, w])).values()];
  const result: FindingGeometries = {};
  // A few at a time: the server and the browser both stay responsive.
  for (let i = 0; i < unique.length; i += 8) {
    const batch = await Promise.all(unique.slice(i, i + 8).map((w) => fetchLayerFeature(w.layer, w.id)));
    for (const f of batch) (result[f.layer] ??= []).push(f.geometry);
  }
  return result;
}

/** The geometries of the features each finding names, by layer key. */
export function useFindingFeatures(analysis: SitingAnalysis | undefined) {
  const key = analysis?.findings.map((f) => `${f.layer}:${f.featureIds.join(',')}`).join(';') ?? '';
  return useQuery({ queryKey: ['siting', 'finding-features', key], queryFn: () => fetchAll(analysis!), enabled: !!analysis && analysis.findings.length > 0, staleTime: 60_000 });
}

/** Geometries of the forbidden overlaps (what must be avoided), outlined in red after an analysis. */
export function forbiddenGeometries(analysis: SitingAnalysis | undefined, byLayer: FindingGeometries | undefined): Geometry[] {
  if (!analysis || !byLayer) return [];
  const layers = new Set(analysis.findings.filter((f) => f.severity === 'forbidden' && f.measure === 'inside').map((f) => f.layer));
  return [...layers].flatMap((l) => byLayer[l] ?? []);
}
