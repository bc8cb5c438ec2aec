// The map module's public face: the rest of the client uses these and never imports maplibre-gl.
export { MapView, type MapViewProps } from './MapView';
export { useMapTools, type MapTools } from './map-tools';
export type { MapSnapshot } from './map-snapshot';
export { PREVIEW_COLOUR } from './preview-layer';
export { OverlayLayers } from './OverlayLayers';
export { overlayKeyOfSource, overlaySourceId, type OverlayLayer } from './overlay.layers';
export { HighlightFeature } from './HighlightFeature';
export { MapClickListener } from './MapClickListener';
export type { MapClick } from './use-map-click';
export { useMapActions, type MapActions } from './use-map-actions';
export { useMapZoom } from './use-map-zoom';
export { MeasureDrawing, type MeasureGeometry, type MeasureKind } from './MeasureDrawing';
export { CompareMaps, type CompareMode, type CompareSide } from './CompareMaps';
export { readLocationHash, updateLocationHash } from './hash-location';
export type { LayerVisibility } from './view-hash';
export { SiteDrawing, type SiteDrawMode } from './SiteDrawing';
export { ConflictOutlines } from './ConflictOutlines';
export type { SiteDrawSession, SiteRefusal } from './SiteDrawing';
