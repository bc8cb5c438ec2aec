import { describe, expect, it } from 'vitest';
import { countBySeverity, featureLabel, geometrySummary, layerNameFromFile, sortReport } from './import-report';
import type { ReportItem } from './import.types';

const item = (severity: ReportItem['severity'], message: string, featureIndex?: number): ReportItem => ({ code: 'x', severity, message, featureIndex });

describe('import report', () => {
  it('puts errors first, then warnings, then notes, keeping the server order within each', () => {
    const report = [item('info', 'a'), item('warning', 'b'), item('error', 'c'), item('info', 'd'), item('warning', 'e')];
    expect(sortReport(report).map((r) => r.message)).toEqual(['c', 'b', 'e', 'a', 'd']);
    expect(countBySeverity(report)).toEqual({ error: 1, warning: 2, info: 2 });
  });

  it('names the feature counting from 1', () => {
    expect(featureLabel(item('warning', 'm', 0))).toBe('第 1 个要素');
    expect(featureLabel(item('warning', 'm'))).toBeNull();
  });

  it('summarises geometry kinds in Chinese', () => {
    const poly = { type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates: [] } };
    const pt = { type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [1, 2] } };
    expect(geometrySummary({ type: 'FeatureCollection', features: [poly, poly, pt] })).toBe('面 2 个、点 1 个');
    expect(geometrySummary({ type: 'FeatureCollection', features: [] })).toBe('无要素');
  });

  it('makes a layer name from the file name', () => {
    expect(layerNameFromFile('东昌府区_地块.txt')).toBe('东昌府区 地块');
    expect(layerNameFromFile('parcels.shp.zip')).toBe('parcels.shp');
  });
});
