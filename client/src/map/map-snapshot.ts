import type { Map as MapLibreMap } from 'maplibre-gl';

/** A still of the map as drawn, with the view it was drawn at (for scale bar and north arrow). */
export interface MapSnapshot {
  image: HTMLCanvasElement;
  /** Image pixels per CSS pixel of the map on screen. */
  pixelRatio: number;
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
  bounds: [number, number, number, number];
}

export interface SnapshotOptions {
  /** Draw at this device pixel ratio (e.g. 2 for print); the map returns to its own ratio afterwards. */
  pixelRatio?: number;
  /** Give up waiting for tiles after this long and take the map as it is. */
  timeoutMs?: number;
}

/**
 * The WebGL canvas is created without preserveDrawingBuffer (faster), so its pixels are only
 * readable inside the frame that drew them: copy it in a 'render' handler, once the map has
 * every tile it needs, onto a plain 2D canvas that stays valid.
 */
function copyWhenDrawn(map: MapLibreMap, timeoutMs: number): Promise<HTMLCanvasElement> {
  return new Promise((resolve) => {
    const started = performance.now();
    const onRender = () => {
      if (!(map.loaded() && !map.isMoving()) && performance.now() - started < timeoutMs) return;
      map.off('render', onRender);
      const source = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      copy.getContext('2d')!.drawImage(source, 0, 0);
      resolve(copy);
    };
    map.on('render', onRender);
    map.triggerRepaint();
  });
}

export async function snapshotMap(map: MapLibreMap, options: SnapshotOptions = {}): Promise<MapSnapshot> {
  const ownRatio = map.getPixelRatio();
  const wanted = options.pixelRatio ?? ownRatio;
  if (wanted !== ownRatio) map.setPixelRatio(wanted);
  try {
    const image = await copyWhenDrawn(map, options.timeoutMs ?? 30_000);
    const cssWidth = map.getContainer().clientWidth || image.width;
    const bounds = map.getBounds();
    const { lng, lat } = map.getCenter();
    return {
      image,
      pixelRatio: image.width / cssWidth,
      center: [lng, lat],
      zoom: map.getZoom(),
      bearing: map.getBearing(),
      pitch: map.getPitch(),
      bounds: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
    };
  } finally {
    if (wanted !== ownRatio) map.setPixelRatio(ownRatio);
  }
}
