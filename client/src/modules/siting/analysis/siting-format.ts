import type { SitingAnalysis, SitingSeverity } from '../../../../../common/src/siting.ts';

type Verdict = SitingAnalysis['verdict']['result'];

/** The verdict as the planner reads it, with the tag colour (antd preset). */
export const VERDICT_LABEL: Record<Verdict, { text: string; color: string }> = {
  forbidden: { text: '禁止选址', color: 'red' },
  adjust: { text: '需调整', color: 'orange' },
  ok: { text: '可选址', color: 'green' },
};

export const SEVERITY_LABEL: Record<SitingSeverity, { text: string; color: string }> = {
  forbidden: { text: '禁止', color: 'red' },
  adjust: { text: '需调整', color: 'orange' },
  info: { text: '提示', color: 'blue' },
};

const fixed = (n: number, digits: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const formatMu = (mu: number) => `${fixed(mu, 2)} 亩`;
export const formatHa = (ha: number) => `${fixed(ha, 2)} 公顷`;
export const formatM2 = (m2: number) => `${fixed(m2, 0)} 平方米`;
/** share is a fraction of the site area (0–1). */
export const formatShare = (share: number) => `${fixed(share * 100, 1)}%`;

/** Road distance in metres below 1 km, kilometres above. */
export const formatRoadDistance = (metres: number) => (metres < 1000 ? `${fixed(metres, 0)} 米` : `${fixed(metres / 1000, 2)} 公里`);
