import type { LayerGroup, LayerKind } from '../../../../../common/src/layers.ts';
import type { ImportMode, ImportResult, ParseResult } from './import.types';
import { postMultipart, type UploadProgress } from './multipart-upload';

export interface FileChoice {
  file: File;
  /** EPSG code such as `EPSG:4527`; undefined: let the server detect it. */
  crs?: string;
  /** For a zip with several shapefiles. */
  layer?: string;
}

type Progress = (p: UploadProgress) => void;

function formOf({ file, crs, layer }: FileChoice, extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  // Text fields first: multer sees them before the file.
  for (const [key, value] of Object.entries(extra)) form.append(key, value);
  if (crs) form.append('crs', crs);
  if (layer) form.append('layer', layer);
  form.append('file', file, file.name);
  return form;
}

export const parseGeoFile = (choice: FileChoice, onProgress?: Progress) => postMultipart<ParseResult>('/api/geo/parse', formOf(choice), onProgress);

export interface NewLayerFields {
  name: string;
  group: LayerGroup;
  kind: LayerKind;
}

export const createLayerFromFile = (choice: FileChoice, fields: NewLayerFields, onProgress?: Progress) =>
  postMultipart<ImportResult>('/api/layers', formOf(choice, { ...fields }), onProgress);

export const importIntoLayer = (choice: FileChoice, key: string, mode: ImportMode, onProgress?: Progress) =>
  postMultipart<ImportResult>(`/api/layers/${encodeURIComponent(key)}/import`, formOf(choice, { mode }), onProgress);
