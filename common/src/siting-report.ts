import { z } from 'zod';
import { sitingNeedsSchema, type SitingAnalysis, type SitingNeeds } from './siting.ts';

/** Request to save a siting report: the site, the needs it was analysed against, an optional title. */
export const sitingReportCreateSchema = z.object({
  geometry: z.unknown(),
  needs: sitingNeedsSchema.optional(),
  title: z.string({ error: '报告标题须为文字' }).trim().max(100, '报告标题不超过 100 个字').optional(),
}, { error: '请求内容须为 JSON 对象，包含 geometry、可选的 needs 与 title' });
export type SitingReportCreate = z.infer<typeof sitingReportCreateSchema>;

/** A saved, numbered siting report (精准选址分析报告): what a planner cites later. */
export interface SitingReport {
  id: number;
  /** XZ-<year>-<serial>, serial per calendar year. */
  number: string;
  title: string;
  createdAt: string;
  createdBy: { username: string; displayName: string } | null;
  projectSiteId: number | null;
  geometry: GeoJSON.MultiPolygon;
  needs: SitingNeeds;
  analysis: SitingAnalysis;
  /** Versions of the layers the analysis read, when it ran. */
  layerVersions: Record<string, number>;
  /** Whether the layers it read were demo data (the report says so on every page). */
  demo: boolean;
}

export interface SitingReportSummary {
  id: number;
  number: string;
  title: string;
  createdAt: string;
  verdict: SitingAnalysis['verdict']['result'];
  areaMu: number;
  county: string | null;
}

export const VERDICT_LABEL: Record<SitingAnalysis['verdict']['result'], string> = {
  forbidden: '禁止选址',
  adjust: '需调整',
  ok: '可选址',
};

/** A time as Beijing time (UTC+8, no daylight saving), the way reports print it: 2026年11月26日 14:05. */
export function formatBeijingTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}
