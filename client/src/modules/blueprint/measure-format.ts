import { m2ToHa, m2ToMu } from '../../../../common/src/units.ts';

const fixed = (n: number, digits: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Metres below 1 km, kilometres above. */
export function formatDistance(metres: number): string {
  return metres < 1000 ? `${fixed(metres, 1)} 米` : `${fixed(metres / 1000, 3)} 公里`;
}

export interface AreaFigures {
  mu: string;
  ha: string;
  m2: string;
}

/** An area in 亩 and 公顷 (2 decimals) and m² (whole metres). */
export function areaFigures(m2: number): AreaFigures {
  return { mu: `${fixed(m2ToMu(m2), 2)} 亩`, ha: `${fixed(m2ToHa(m2), 2)} 公顷`, m2: `${fixed(m2, 0)} 平方米` };
}
