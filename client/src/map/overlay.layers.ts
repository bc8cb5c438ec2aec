import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { LayerStyle } from '../../../common/src/layers.ts';

/** What the map needs to draw one thematic layer from its vector tiles. */
export interface OverlayLayer {
  key: string;
  geometryType: 'polygon' | 'line' | 'point';
  style: LayerStyle;
  /** Tile URL template as the server gives it (`/tiles/<key>/{z}/{x}/{y}.pbf?v=<version>`). */
  tiles: string;
  /** 0–1, applied on top of the style's own opacities. */
  opacity: number;
  /** Below this zoom the server sends empty tiles (dense layers): nothing is requested there. */
  minZoom?: number;
}

// Source and layer ids are a contract with the browser tests and the print legend.
const PREFIX = 'overlay-';
export const overlaySourceId = (key: string) => `${PREFIX}${key}`;
export const overlayKeyOfSource = (sourceId: string): string | null => (sourceId.startsWith(PREFIX) ? sourceId.slice(PREFIX.length) : null);

export const overlayLayerIds = (key: string) => ({
  fill: `${PREFIX}${key}-fill`,
  line: `${PREFIX}${key}-line`,
  point: `${PREFIX}${key}-point`,
});

const DEFAULT_COLOUR = '#3366cc';

/** MapLibre fetches tiles from a worker, which needs absolute URLs; `{z}` must stay unencoded. */
export function absoluteTileUrl(template: string, origin: string): string {
  return template.startsWith('/') ? `${origin}${template}` : template;
}

export function overlaySource(layer: OverlayLayer, origin: string): SourceSpecification {
  // The server cuts tiles at any zoom; past 16 MapLibre overzooms (4096 units per tile ≈ 4 cm there).
  return { type: 'vector', tiles: [absoluteTileUrl(layer.tiles, origin)], minzoom: Math.min(layer.minZoom ?? 0, 16), maxzoom: 16 };
}

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

/** Style layers for one thematic layer, in drawing order; `lineDash` becomes `line-dasharray`. */
export function overlayLayerSpecs(layer: OverlayLayer): LayerSpecification[] {
  const ids = overlayLayerIds(layer.key);
  const source = overlaySourceId(layer.key);
  const sourceLayer = layer.key;
  const { style } = layer;
  const opacity = clamp01(layer.opacity);
  const lineColour = style.line ?? style.fill ?? DEFAULT_COLOUR;
  const line: LayerSpecification = {
    id: ids.line,
    type: 'line',
    source,
    'source-layer': sourceLayer,
    layout: { 'line-join': 'round', 'line-cap': style.lineDash?.length ? 'butt' : 'round' },
    paint: {
      'line-color': lineColour,
      'line-width': style.lineWidth ?? 1,
      'line-opacity': opacity,
      ...(style.lineDash?.length ? { 'line-dasharray': style.lineDash } : {}),
    },
  };
  if (layer.geometryType === 'point') {
    return [
      {
        id: ids.point,
        type: 'circle',
        source,
        'source-layer': sourceLayer,
        paint: {
          'circle-color': style.fill ?? lineColour,
          'circle-radius': 5,
          'circle-opacity': clamp01((style.fillOpacity ?? 0.9) * opacity),
          'circle-stroke-color': lineColour,
          'circle-stroke-width': style.lineWidth ?? 1,
          'circle-stroke-opacity': opacity,
        },
      },
    ];
  }
  if (layer.geometryType === 'line') return [line];
  const fill: LayerSpecification = {
    id: ids.fill,
    type: 'fill',
    source,
    'source-layer': sourceLayer,
    // An outline-only style keeps an invisible fill, so the inside still answers queryRenderedFeatures.
    paint: { 'fill-color': style.fill ?? lineColour, 'fill-opacity': style.fill === undefined ? 0 : clamp01((style.fillOpacity ?? 0.3) * opacity) },
  };
  return [fill, line];
}

type OpacityProperty = 'fill-opacity' | 'line-opacity' | 'circle-opacity' | 'circle-stroke-opacity';

/** Paint properties that change with the opacity slider, per style layer id. */
export function overlayOpacityPaint(layer: OverlayLayer): Array<{ id: string; property: OpacityProperty; value: number }> {
  return overlayLayerSpecs(layer).flatMap((spec) => {
    const paint = (spec as { paint?: Record<string, unknown> }).paint ?? {};
    return Object.entries(paint)
      .filter((entry): entry is [OpacityProperty, number] => entry[0].endsWith('-opacity'))
      .map(([property, value]) => ({ id: spec.id, property, value }));
  });
}
