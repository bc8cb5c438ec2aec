import { describe, expect, it } from 'vitest';
import { FACTOR_KEYS } from './factors.ts';
import { NEEDS, NEED_OF, projectNeed, sitingNeed } from './needs.ts';
import { projectNeedsSchema } from './projects.ts';

describe('the factor ↔ need map', () => {
  it('covers every factor but 占补平衡 once, and every project need key once', () => {
    expect(NEEDS.map((n) => n.factor).sort()).toEqual(FACTOR_KEYS.filter((f) => f !== 'farmland_balance').sort());
    expect(NEED_OF.farmland_balance).toBeUndefined();
    expect(NEEDS.map((n) => n.key).sort()).toEqual(Object.keys(projectNeedsSchema.shape).sort());
  });

  it('reads a project need and a siting need by factor', () => {
    expect(NEED_OF.vocs).toBe('vocsT');
    expect(projectNeed({ landMu: 120, vocsT: 2.5 }, 'land')).toBe(120);
    expect(projectNeed({ landMu: 120 }, 'energy')).toBe(0);
    expect(projectNeed({ landMu: 120 }, 'farmland_balance')).toBe(0);
    const siting = { landMu: 80, energyTce: 300, pollutants: { so2T: 1.2 } };
    expect(sitingNeed(siting, 'land')).toBe(80);
    expect(sitingNeed(siting, 'energy')).toBe(300);
    expect(sitingNeed(siting, 'so2')).toBe(1.2);
    expect(sitingNeed(siting, 'nox')).toBeUndefined();
    // Coal and funds are not asked for at siting time.
    expect(sitingNeed({ ...siting, coalT: 5 } as never, 'coal')).toBeUndefined();
    expect(sitingNeed(siting, 'funds')).toBeUndefined();
  });
});
