import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

// MapLibre finds its worker next to its own module file; once bundled that file is gone,
// so point it at the copy Vite emits as an asset (same origin, works offline).
setWorkerUrl(workerUrl);
