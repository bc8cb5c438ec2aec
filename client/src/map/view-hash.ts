// The map view lives in the URL hash as `#map=zoom/lat/lon[/bearing[/pitch]]&base=<basemap id>`,
// the same order MapLibre's own hash option uses, so links stay readable and interchangeable.

export interface MapViewState {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface HashState {
  view: MapViewState | null;
  basemapId: string | null;
}

const VIEW_KEY = 'map';
const BASEMAP_KEY = 'base';

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

export function parseHash(hash: string): HashState {
  const entries = new Map(splitHash(hash));
  const view = entries.get(VIEW_KEY);
  const base = entries.get(BASEMAP_KEY);
  return {
    view: view ? parseView(view) : null,
    basemapId: base ? decodeURIComponent(base) : null,
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

/** Writes view and basemap into an existing hash, keeping any other parameters it carries. */
export function formatHash(currentHash: string, state: HashState): string {
  const entries = splitHash(currentHash).filter(([key]) => key !== VIEW_KEY && key !== BASEMAP_KEY);
  const ours: Array<[string, string]> = [];
  if (state.view) ours.push([VIEW_KEY, formatView(state.view)]);
  if (state.basemapId) ours.push([BASEMAP_KEY, encodeURIComponent(state.basemapId)]);
  const all = [...ours, ...entries];
  return all.length ? `#${all.map(([k, v]) => (v ? `${k}=${v}` : k)).join('&')}` : '';
}
