import { z } from 'zod';
import { INT4_MAX } from './contract/route.ts';
import type { SitingSeverity } from './siting.ts';
import type { Contribution, Weights } from './siting-score.ts';

export const MAX_RECOMMEND_MU = 150_000;
export const MAX_RECOMMEND_LIMIT = 20;

const weight = (name: string) => z.number({ error: `${name}权重须为数字` }).min(0, `${name}权重不能为负数`).max(1000, `${name}权重过大`);

/** POST /api/siting/recommend body. */
export const recommendRequestSchema = z.strictObject(
  {
    areaMu: z
      .number({ error: (issue) => (issue.input === undefined ? '缺少用地需求面积 areaMu（亩）' : '用地需求面积 areaMu 须为数字（亩）') })
      .gt(0, '用地需求面积须大于 0 亩')
      .max(MAX_RECOMMEND_MU, `用地需求面积不能超过 ${MAX_RECOMMEND_MU.toLocaleString('en-US')} 亩`),
    industry: z.string({ error: '产业须为文字（GB/T 4754 代码或名称）' }).trim().min(1, '产业不能为空').max(64, '产业不超过 64 个字').optional(),
    county: z.string({ error: '县区须为行政区代码' }).regex(/^\d{6}$/, '县区须为 6 位行政区代码').optional(),
    maxRoadDistanceM: z.number({ error: '距主干道最大距离须为数字（米）' }).positive('距主干道最大距离须大于 0 米').max(100_000, '距主干道最大距离不能超过 100 公里').optional(),
    exclude: z
      .strictObject({
        layers: z.array(z.string().min(1).max(64), { error: '排除图层须为图层标识数组' }).max(50).optional(),
        featureIds: z.array(z.number().int().positive().max(INT4_MAX, '要素编号超出范围'), { error: '排除要素须为要素编号数组' }).max(1000).optional(),
      }, { error: '排除条件 exclude 须为 { layers, featureIds }' })
      .optional(),
    weights: z
      .strictObject({
        industry: weight('产业匹配').optional(),
        conflicts: weight('管控冲突').optional(),
        road: weight('道路可达').optional(),
        capacity: weight('要素容量').optional(),
        compactness: weight('形状紧凑').optional(),
      }, { error: (issue) => (issue.code === 'unrecognized_keys' ? '权重只能是 industry、conflicts、road、capacity、compactness' : '权重 weights 须为对象') })
      .optional(),
    limit: z.number({ error: '返回数量须为整数' }).int('返回数量须为整数').min(1, '返回数量至少 1').max(MAX_RECOMMEND_LIMIT, `返回数量最多 ${MAX_RECOMMEND_LIMIT}`).default(10),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `不认识的字段：${(issue as { keys?: string[] }).keys?.join('、') ?? ''}` : '请求内容须为 JSON 对象') },
);
export type RecommendRequest = z.input<typeof recommendRequestSchema>;

export interface RecommendCandidate {
  rank: number;
  /** The stock-land parcel the candidate lies in (layer_features id). */
  id: number;
  parcel: { id: number; code: string | null; kind: string | null; plannedUse: string | null; areaMu: number };
  /** whole = the parcel as it is; part = a compact part cut to the needed size. */
  cut: 'whole' | 'part';
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
  area: { m2: number; mu: number; epsg: number };
  county: { code: string; name: string } | null;
  park: { name: string; layer: string; industryMatch: boolean | null } | null;
  zone: { name: string; industryMatch: boolean | null } | null;
  controlUnit: { name: string; category: string | null } | null;
  road: { name: string | null; distanceM: number } | null;
  score: number;
  contributions: Contribution[];
  verdict: { result: 'ok' | 'adjust'; rule: string };
  findings: { layerName: string; severity: SitingSeverity; message: string }[];
}

export interface RecommendDropped {
  reason: 'invalid' | 'excludedParcel' | 'outsideCounty' | 'tooSmall' | 'excludedLayer' | 'forbidden' | 'tooFarFromRoad';
  count: number;
  message: string;
}

export interface RecommendResult {
  need: { areaMu: number; areaM2: number; industry: string | null; county: { code: string; name: string } | null; maxRoadDistanceM: number | null };
  weights: Weights;
  candidates: RecommendCandidate[];
  /** Candidates that passed every filter (the list holds the first `limit`). */
  total: number;
  parcels: number;
  dropped: RecommendDropped[];
  explanation: string;
  rules: { minShare: number; wholeMaxShare: number; forbidden: string; contain: string };
}
