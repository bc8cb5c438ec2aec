import type { RecommendCandidate } from '../../../../../common/src/siting-recommend.ts';
import { CRITERIA, CRITERION_KEYS, DEFAULT_WEIGHTS, type Criterion, type Weights } from '../../../../../common/src/siting-score.ts';

export { CRITERIA, CRITERION_KEYS };
export type { Criterion, Weights };

/** Slider positions (0–100) of the default weights. */
export const DEFAULT_SLIDERS: Weights = Object.fromEntries(CRITERION_KEYS.map((k) => [k, Math.round(DEFAULT_WEIGHTS[k] * 100)])) as Weights;

export const CUT_LABEL: Record<RecommendCandidate['cut'], string> = { whole: '整块', part: '切分' };
export const RECOMMEND_VERDICT: Record<RecommendCandidate['verdict']['result'], { text: string; color: string }> = {
  ok: { text: '可选址', color: 'green' },
  adjust: { text: '需调整', color: 'orange' },
};

/** Score bar colour: green from 80, blue from 60, orange below. */
export const scoreColour = (score: number) => (score >= 80 ? '#52c41a' : score >= 60 ? '#1677ff' : '#fa8c16');

export const contributionOf = (c: RecommendCandidate, k: Criterion) => c.contributions.find((x) => x.criterion === k);
