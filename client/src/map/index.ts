// The map module's public face: the rest of the client uses MapView and never imports maplibre-gl.
export { MapView, type MapViewProps } from './MapView';
