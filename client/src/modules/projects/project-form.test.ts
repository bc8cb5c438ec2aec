import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { classifyProject } from '../../../../common/src/project-classification.ts';
import { classificationInput, toCreateInput } from './project-form';

const square: Polygon = { type: 'Polygon', coordinates: [[[115.9, 36.4], [115.91, 36.4], [115.91, 36.41], [115.9, 36.4]]] };

describe('project form', () => {
  it('leaves empty fields out and trims text', () => {
    const body = toCreateInput(
      { name: ' 液压件项目 ', unitName: '某公司', county: '371502', type: '招商引资', industryCode: 'c3612', investmentWan: 60000, foreignAnnualNewUsdM: null, needs: { landMu: 82.5, coalT: null, energyTce: 0 }, plannedStart: '' },
      { geometry: square, source: 'drawn', note: '' },
    );
    expect(body).toEqual({
      name: '液压件项目',
      unitName: '某公司',
      county: '371502',
      type: '招商引资',
      industryCode: 'C3612',
      investmentWan: 60000,
      needs: { landMu: 82.5, energyTce: 0 },
      site: { geometry: square, source: 'drawn' },
    });
  });

  it('feeds the shared classification the same attributes the server reads', () => {
    expect(classificationInput({})).toBeNull();
    const attrs = classificationInput({ type: '招商引资', investmentWan: 60000 })!;
    expect(attrs.investmentWan).toBe(60000);
    const categories = classifyProject(attrs).categories.map((c) => c.category);
    expect(categories.some((c) => c.includes('招商'))).toBe(true);
    expect(classifyProject(classificationInput({ type: '招商引资', investmentWan: 40000 })!).categories.some((c) => c.category.includes('招商'))).toBe(false);
  });
});
