import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';

export const PROJECT_SOURCE = 'key-projects';
export const PROJECT_SITES_SOURCE = 'project-site-versions';

// Layer ids are a contract with the browser tests.
export const projectLayerIds = { fill: 'key-projects-fill', line: 'key-projects-line' } as const;
export const projectSiteLayerIds = { previous: 'project-site-previous', current: 'project-site-current' } as const;

/** A match on the feature's stage: its colour, else the fallback. */
export function stageColourExpression(colours: Record<string, string>, fallback = '#8c8c8c'): ExpressionSpecification {
  const pairs = Object.entries(colours).flat();
  if (!pairs.length) return ['literal', fallback] as unknown as ExpressionSpecification;
  return ['match', ['get', 'stage'], ...pairs, fallback] as unknown as ExpressionSpecification;
}

const isSelected: ExpressionSpecification = ['==', ['get', 'selected'], true];

/** Key projects: their sites filled in the stage colour, the selected one outlined thicker. */
export function projectLayers(colours: Record<string, string>): LayerSpecification[] {
  const colour = stageColourExpression(colours);
  return [
    { id: projectLayerIds.fill, type: 'fill', source: PROJECT_SOURCE, paint: { 'fill-color': colour, 'fill-opacity': ['case', isSelected, 0.55, 0.35] } },
    { id: projectLayerIds.line, type: 'line', source: PROJECT_SOURCE, layout: { 'line-join': 'round' }, paint: { 'line-color': colour, 'line-width': ['case', isSelected, 3.5, 1.8] } },
  ];
}

/** A project's site versions: the earlier one dashed grey, the current one solid orange. */
export const projectSiteLayers: LayerSpecification[] = [
  {
    id: projectSiteLayerIds.previous,
    type: 'line',
    source: PROJECT_SITES_SOURCE,
    filter: ['==', ['get', 'current'], false],
    layout: { 'line-join': 'round' },
    paint: { 'line-color': '#595959', 'line-width': 2.5, 'line-dasharray': [2, 2] },
  },
  {
    id: projectSiteLayerIds.current,
    type: 'line',
    source: PROJECT_SITES_SOURCE,
    filter: ['==', ['get', 'current'], true],
    layout: { 'line-join': 'round' },
    paint: { 'line-color': '#fa541c', 'line-width': 3 },
  },
];
