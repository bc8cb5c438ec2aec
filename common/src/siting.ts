import { z } from 'zod';

/** Pollutant keys of the environmental capacity (吨/年) and their Chinese names. */
export const POLLUTANTS = { codT: '化学需氧量', nh3nT: '氨氮', so2T: '二氧化硫', noxT: '氮氧化物', vocsT: '挥发性有机物' } as const;
export type PollutantKey = keyof typeof POLLUTANTS;

const amount = (what: string) => z.number({ error: `${what}须为数字` }).min(0, `${what}不能为负数`);

/** Project needs sent with a site; all optional. */
export const sitingNeedsSchema = z.object({
  industry: z.string({ error: '行业须为文字（GB/T 4754 代码或名称）' }).trim().min(1, '行业不能为空').max(64, '行业不超过 64 个字').optional(),
  landMu: amount('用地需求（亩）').optional(),
  energyTce: amount('能耗需求（吨标准煤）').optional(),
  pollutants: z.object({
    codT: amount('化学需氧量（吨/年）').optional(),
    nh3nT: amount('氨氮（吨/年）').optional(),
    so2T: amount('二氧化硫（吨/年）').optional(),
    noxT: amount('氮氧化物（吨/年）').optional(),
    vocsT: amount('挥发性有机物（吨/年）').optional(),
  }, { error: (issue) => (issue.code === 'unrecognized_keys' ? '污染物只能是 codT、nh3nT、so2T、noxT、vocsT' : '污染物排放需求须为对象') }).strict().optional(),
}, { error: '项目需求（needs）须为对象' });
export type SitingNeeds = z.infer<typeof sitingNeedsSchema>;

export type SitingSeverity = 'forbidden' | 'adjust' | 'info';

export interface SitingFinding {
  layer: string;
  layerName: string;
  kind: 'hard' | 'soft';
  rule: string;
  /** inside = overlap with the layer; outside = the part of the site outside it (城镇开发边界). */
  measure: 'inside' | 'outside';
  overlapM2: number;
  overlapMu: number;
  share: number;
  severity: SitingSeverity;
  message: string;
  featureIds: number[];
}

export interface SitingAnalysis {
  area: { m2: number; mu: number; ha: number; ellipsoidalM2: number; epsg: number };
  region: {
    county: { code: string; name: string } | null;
    zone: { code: string; name: string } | null;
    park: { name: string; layer: string; leadingIndustries: string[]; industryCodes: string[]; industryMatch: boolean | null } | null;
    controlUnit: { code: string; name: string; category: string | null; capacity: Partial<Record<PollutantKey, number>> } | null;
  };
  findings: SitingFinding[];
  verdict: { result: 'forbidden' | 'adjust' | 'ok'; rule: string; ruleId: string | null; basis: string | null };
  roads: { nearestName: string | null; grade: string | null; distanceM: number } | null;
  capacity: {
    stockLand: { county: string | null; parcels: number; m2: number; mu: number; neededMu: number | null; gapMu: number | null; note: string };
    controlUnit: {
      code: string;
      name: string;
      items: { factor: PollutantKey; name: string; remainingT: number | null; neededT: number | null; gapT: number | null }[];
    } | null;
    gaps: { factor: string; name: string; needed: number; available: number; gap: number; unit: string }[];
    /** The county's and the city pool's factor balances (要素账户, this year) against the needs. */
    factorPools: {
      year: number;
      county: string | null;
      items: { factor: string; name: string; unit: string; countyBalance: number | null; cityBalance: number | null; needed: number | null; gap: number | null }[];
    } | null;
    factorPoolsNote: string;
  };
}
