import type { MultiPolygon, Polygon } from 'geojson';
import type { ProjectAttributes, ProjectType } from '../../../../common/src/project-classification.ts';
import { NEEDS } from '../../../../common/src/needs.ts';
import type { ProjectCreateInput, ProjectNeedsInput, SiteSource } from '../../api/projects.api';

/** What the form holds (antd gives undefined or null for empty fields). */
export interface ProjectFormValues {
  name?: string;
  unitName?: string;
  county?: string;
  type?: ProjectType;
  industryCode?: string;
  industryName?: string;
  strategicEmerging?: boolean;
  investmentWan?: number | null;
  foreignAnnualNewUsdM?: number | null;
  foreignCashRegisteredUsdM?: number | null;
  fundingSources?: string[];
  plannedStart?: string;
  plannedEnd?: string;
  nationalCode?: string;
  needs?: Partial<Record<keyof ProjectNeedsInput, number | null>>;
  note?: string;
}

const text = (v: string | undefined) => {
  const t = v?.trim();
  return t ? t : undefined;
};
const number = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The POST /api/projects body: empty fields left out (the server validates the rest and answers in Chinese). */
export function toCreateInput(v: ProjectFormValues, site: { geometry: Polygon | MultiPolygon; source: SiteSource; note?: string }): ProjectCreateInput {
  const needs: ProjectNeedsInput = {};
  for (const { key } of NEEDS) {
    const n = number(v.needs?.[key]);
    if (n !== undefined) needs[key] = n;
  }
  const body: ProjectCreateInput = {
    name: v.name?.trim() ?? '',
    unitName: v.unitName?.trim() ?? '',
    county: v.county ?? '',
    type: v.type ?? '',
    site: text(site.note) ? site : { geometry: site.geometry, source: site.source },
  };
  const optional: Partial<ProjectCreateInput> = {
    industryCode: text(v.industryCode)?.toUpperCase(),
    industryName: text(v.industryName),
    strategicEmerging: v.strategicEmerging || undefined,
    investmentWan: number(v.investmentWan),
    foreignAnnualNewUsdM: number(v.foreignAnnualNewUsdM),
    foreignCashRegisteredUsdM: number(v.foreignCashRegisteredUsdM),
    fundingSources: v.fundingSources?.length ? v.fundingSources : undefined,
    plannedStart: text(v.plannedStart),
    plannedEnd: text(v.plannedEnd),
    nationalCode: text(v.nationalCode),
    needs: Object.keys(needs).length ? needs : undefined,
  };
  for (const [k, value] of Object.entries(optional)) if (value !== undefined) (body as unknown as Record<string, unknown>)[k] = value;
  return body;
}

/** The attributes the Art. 2 classification reads, for the live preview in the form (null until a type is chosen). */
export function classificationInput(v: ProjectFormValues): ProjectAttributes | null {
  if (!v.type) return null;
  return {
    type: v.type,
    industryCode: text(v.industryCode)?.toUpperCase() ?? null,
    strategicEmerging: v.strategicEmerging ?? false,
    investmentWan: number(v.investmentWan) ?? null,
    foreignAnnualNewUsdM: number(v.foreignAnnualNewUsdM) ?? null,
    foreignCashRegisteredUsdM: number(v.foreignCashRegisteredUsdM) ?? null,
    fundingSources: v.fundingSources ?? [],
  };
}
