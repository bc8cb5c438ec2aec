import type { ImportResult, ParseResult } from './import.types';
import type { UploadProgress } from './multipart-upload';

/**
 * The import drawer's states: choose a file → parsing (upload progress, then the server reads it)
 * → parsed (preview and report) → saving (upload again, server validates and stores) → saved.
 * A failure keeps the last good state and shows the server's message.
 */
export type ImportPhase = 'choose' | 'parsing' | 'parsed' | 'saving' | 'saved';

export interface ImportState {
  phase: ImportPhase;
  progress: UploadProgress | null;
  parsed: ParseResult | null;
  saved: { result: ImportResult; layerName: string } | null;
  error: string | null;
}

export type ImportAction =
  | { type: 'reset' }
  | { type: 'parse-started' }
  | { type: 'progress'; progress: UploadProgress }
  | { type: 'parse-succeeded'; result: ParseResult }
  | { type: 'parse-failed'; message: string }
  | { type: 'save-started' }
  | { type: 'save-succeeded'; result: ImportResult; layerName: string }
  | { type: 'save-failed'; message: string };

export const initialImportState: ImportState = { phase: 'choose', progress: null, parsed: null, saved: null, error: null };

const START: UploadProgress = { percent: 0, sent: false };

export function importReducer(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case 'reset':
      return initialImportState;
    case 'parse-started':
      return { ...initialImportState, phase: 'parsing', progress: START };
    case 'progress':
      return state.phase === 'parsing' || state.phase === 'saving' ? { ...state, progress: action.progress } : state;
    case 'parse-succeeded':
      return { ...state, phase: 'parsed', progress: null, parsed: action.result, error: null };
    case 'parse-failed':
      return { ...initialImportState, error: action.message };
    case 'save-started':
      return state.parsed ? { ...state, phase: 'saving', progress: START, error: null } : state;
    case 'save-succeeded':
      return { ...state, phase: 'saved', progress: null, saved: { result: action.result, layerName: action.layerName }, error: null };
    case 'save-failed':
      return { ...state, phase: state.parsed ? 'parsed' : 'choose', progress: null, error: action.message };
  }
}

/** True while a request is running: the file and the buttons are locked. */
export const isBusy = (state: ImportState) => state.phase === 'parsing' || state.phase === 'saving';
