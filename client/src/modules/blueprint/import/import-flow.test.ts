import { describe, expect, it } from 'vitest';
import { importReducer, initialImportState, isBusy, type ImportState } from './import-flow';
import type { ParseResult } from './import.types';

const parsed: ParseResult = {
  format: 'coordinate-file',
  crs: { epsg: 4527, source: 'file', label: 'CGCS2000 / 3-degree Gauss-Kruger zone 39' },
  features: { type: 'FeatureCollection', features: [] },
  report: [],
};

const run = (...actions: Parameters<typeof importReducer>[1][]): ImportState => actions.reduce(importReducer, initialImportState);

describe('importReducer', () => {
  it('goes choose → parsing → parsed → saving → saved', () => {
    let s = run({ type: 'parse-started' });
    expect(s.phase).toBe('parsing');
    expect(isBusy(s)).toBe(true);
    s = importReducer(s, { type: 'progress', progress: { percent: 40, sent: false } });
    expect(s.progress).toEqual({ percent: 40, sent: false });
    s = importReducer(s, { type: 'parse-succeeded', result: parsed });
    expect(s).toMatchObject({ phase: 'parsed', parsed, progress: null });
    expect(isBusy(s)).toBe(false);
    s = importReducer(s, { type: 'save-started' });
    expect(s).toMatchObject({ phase: 'saving', progress: { percent: 0, sent: false } });
    s = importReducer(s, { type: 'save-succeeded', result: { key: 'k', featureCount: 2, report: [] }, layerName: '测试' });
    expect(s.phase).toBe('saved');
    expect(s.saved?.layerName).toBe('测试');
  });

  it('a failed save keeps the preview and shows the message', () => {
    const s = run({ type: 'parse-started' }, { type: 'parse-succeeded', result: parsed }, { type: 'save-started' }, { type: 'save-failed', message: '没有权限' });
    expect(s).toMatchObject({ phase: 'parsed', parsed, error: '没有权限' });
  });

  it('a failed parse returns to choosing with the message', () => {
    const s = run({ type: 'parse-started' }, { type: 'parse-failed', message: '无法识别文件格式' });
    expect(s).toEqual({ ...initialImportState, error: '无法识别文件格式' });
  });

  it('ignores progress when nothing is running and a save without a parse', () => {
    expect(run({ type: 'progress', progress: { percent: 10, sent: false } })).toEqual(initialImportState);
    expect(run({ type: 'save-started' })).toEqual(initialImportState);
  });
});
