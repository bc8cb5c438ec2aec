// The map view lives in the URL hash as `#map=zoom/lat/lon[/bearing[/pitch]]&base=<basemap id>`,
// the same order MapLibre's own hash option uses, so links stay readable and interchangeable.
// Thematic layers follow as `&layers=farmland,stock-land:60` (visible layers, opacity in % when not 100).

export interface MapViewState {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** A visible thematic layer and its opacity (0–1). */
export interface LayerVisibility {
  key: string;
  opacity: number;
}

export interface HashState {
  view: MapViewState | null;
  basemapId: string | null;
  /** null when the link says nothing about layers. */
  layers: LayerVisibility[] | null;
}

const VIEW_KEY = 'map';
const BASEMAP_KEY = 'base';
const LAYERS_KEY = 'layers';
const OUR_KEYS = [VIEW_KEY, BASEMAP_KEY, LAYERS_KEY];

function splitHash(hash: string): Array<[string, string]> {
  return hash
    .replace(/^#/, '')
    .split('&')
    .filter(Boolean)
    .map((part) => {
      const i = part.indexOf('=');
      return i < 0 ? [part, ''] : [part.slice(0, i), part.slice(i + 1)];
    });
}

export function parseView(value: string): MapViewState | null {
  const parts = value.split('/').map(Number);
  if (parts.length < 3 || parts.length > 5 || parts.some((n) => !Number.isFinite(n))) return null;
  const [zoom = 0, lat = 0, lon = 0, bearing = 0, pitch = 0] = parts;
  if (zoom < 0 || zoom > 24 || Math.abs(lat) > 85.06 || Math.abs(lon) > 180) return null;
  if (Math.abs(bearing) > 180 || pitch < 0 || pitch > 85) return null;
  return { center: [lon, lat], zoom, bearing, pitch };
}

const LAYER_KEY_PATTERN = /^[A-Za-z0-9_.-]{1,100}$/;

/** `farmland,stock-land:60` → visible layers in that order; unknown syntax is skipped, not fatal. */
export function parseLayerList(value: string): LayerVisibility[] {
  const seen = new Set<string>();
  const layers: LayerVisibility[] = [];
  for (const item of safeDecode(value).split(',')) {
    const [key = '', percent] = item.trim().split(':');
    if (!LAYER_KEY_PATTERN.test(key) || seen.has(key)) continue;
    const n = percent === undefined ? 100 : Number(percent);
    if (!Number.isFinite(n) || percent === '') continue;
    seen.add(key);
    layers.push({ key, opacity: Math.min(100, Math.max(0, Math.round(n))) / 100 });
  }
  return layers;
}

export function formatLayerList(layers: LayerVisibility[]): string {
  return layers
    .map(({ key, opacity }) => {
      const percent = Math.min(100, Math.max(0, Math.round(opacity * 100)));
      return percent === 100 ? encodeURIComponent(key) : `${encodeURIComponent(key)}:${percent}`;
    })
    .join(',');
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function parseHash(hash: string): HashState {
  const entries = new Map(splitHash(hash));
  const view = entries.get(VIEW_KEY);
  const base = entries.get(BASEMAP_KEY);
  const layers = entries.get(LAYERS_KEY);
  return {
    view: view ? parseView(view) : null,
    basemapId: base ? safeDecode(base) : null,
    layers: layers === undefined ? null : parseLayerList(layers),
  };
}

/** Enough decimals to place the centre within about half a pixel at this zoom. */
function coordinateDecimals(zoom: number): number {
  return Math.min(7, Math.max(2, Math.ceil(zoom * Math.LOG10E * Math.LN2 + Math.log10(512 / 360 / 0.5))));
}

export function formatView(view: MapViewState): string {
  const zoom = Math.round(view.zoom * 100) / 100;
  const decimals = coordinateDecimals(zoom);
  const [lon, lat] = view.center;
  let text = `${zoom}/${Number(lat.toFixed(decimals))}/${Number(lon.toFixed(decimals))}`;
  const bearing = Math.round(view.bearing * 10) / 10;
  const pitch = Math.round(view.pitch);
  if (bearing || pitch) text += `/${bearing}`;
  if (pitch) text += `/${pitch}`;
  return text;
}

/**
 * Writes the given parts of the state into an existing hash: a part left out keeps what the hash
 * has, a part set to null (or an empty layer list) is removed; other parameters are kept as they are.
 */
export function formatHash(currentHash: string, patch: Partial<HashState>): string {
  const current = new Map(splitHash(currentHash));
  const value = (key: string, part: keyof HashState, format: () => string | null) =>
    part in patch ? format() : (current.get(key) ?? null);
  const ours: Array<[string, string | null]> = [
    [VIEW_KEY, value(VIEW_KEY, 'view', () => (patch.view ? formatView(patch.view) : null))],
    [BASEMAP_KEY, value(BASEMAP_KEY, 'basemapId', () => (patch.basemapId ? encodeURIComponent(patch.basemapId) : null))],
    [LAYERS_KEY, value(LAYERS_KEY, 'layers', () => (patch.layers?.length ? formatLayerList(patch.layers) : null))],
  ];
  const all = [
    ...ours.filter((entry): entry is [string, string] => entry[1] !== null),
    ...splitHash(currentHash).filter(([key]) => !OUR_KEYS.includes(key)),
  ];
  return all.length ? `#${all.map(([k, v]) => (v ? `${k}=${v}` : k)).join('&')}` : '';
}
