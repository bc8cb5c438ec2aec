import { classifyProject, type ProjectAttributes } from '../../../../common/src/project-classification.ts';
import { allowedTransitions, stageLabel, type Stage } from '../../../../common/src/project-lifecycle.ts';
import type { ProjectRound, ProjectSiteVersion, VerdictKey } from '../../../../common/src/projects.ts';
import { m2ToMu } from '../../../../common/src/units.ts';
import { chinaToday } from '../../../../common/src/working-days.ts';
import type { Actor } from '../../policy/actor.ts';
import type { SiteRow } from './project-sites.repository.ts';
import type { ProjectRow } from './projects.repository.ts';

/** How a project's rows read in the API: pure mapping, no queries. */

const VERDICT_KEY: Record<string, VerdictKey> = { 同意: 'agree', 有条件同意: 'conditional', 不同意: 'disagree' };
export const num = (v: string | number | null) => (v === null ? null : Number(v));
export const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function attributesOf(p: ProjectRow): ProjectAttributes {
  return {
    type: p.type,
    industryCode: p.industry_code,
    strategicEmerging: p.strategic_emerging,
    investmentWan: num(p.investment_wan),
    foreignAnnualNewUsdM: num(p.foreign_annual_new_usd_m),
    foreignCashRegisteredUsdM: num(p.foreign_cash_registered_usd_m),
    fundingSources: p.funding_sources,
  };
}

/** The attributes a round freezes (what the departments reviewed). */
export function snapshotOf(p: ProjectRow) {
  return {
    name: p.name,
    unitName: p.unit_name,
    county: p.region_code,
    ...attributesOf(p),
    industryName: p.industry_name,
    plannedStart: p.planned_start,
    plannedEnd: p.planned_end,
    needs: p.needs,
  };
}

/** One project as GET /api/projects/:id answers it. */
export function projectDetail(
  actor: Actor,
  p: ProjectRow,
  sites: SiteRow[],
  rounds: ProjectRound[],
  history: { from_stage: string | null; to_stage: string; action: string; note: string; at: Date | string; actor: string | null }[],
) {
  const classification = classifyProject(attributesOf(p));
  const passed = rounds.filter((r) => r.status === 'passed').at(-1) ?? null;
  return {
    id: p.id,
    code: p.code,
    nationalCode: p.national_code,
    name: p.name,
    unitName: p.unit_name,
    county: { code: p.region_code, name: p.region_name },
    type: p.type,
    industryCode: p.industry_code,
    industryName: p.industry_name,
    strategicEmerging: p.strategic_emerging,
    investmentWan: num(p.investment_wan),
    foreignAnnualNewUsdM: num(p.foreign_annual_new_usd_m),
    foreignCashRegisteredUsdM: num(p.foreign_cash_registered_usd_m),
    fundingSources: p.funding_sources,
    libraries: p.libraries,
    plannedStart: p.planned_start,
    plannedEnd: p.planned_end,
    needs: p.needs,
    isPublic: p.is_public,
    greenChannel: p.green_channel,
    isDemo: p.is_demo,
    stage: p.stage,
    stageLabel: stageLabel(p.stage as Stage, p.green_channel),
    allowedTransitions: allowedTransitions(p.stage as Stage, [...actor.permissions]).map((t) => ({ to: t.to, action: t.action, label: t.label })),
    rowVersion: p.row_version,
    classification: classification.categories,
    missing: classification.missing,
    sites: sites.map(siteVersion),
    rounds,
    // 正式预审意见: the opinions of the last passed round, unless the site or content changed since.
    formalOpinions: passed ? { round: passed.round, valid: passed.invalidatedAt === null, invalidatedAt: passed.invalidatedAt } : null,
    history: history.map((h) => ({ from: h.from_stage, to: h.to_stage, action: h.action, note: h.note, at: iso(h.at), actor: h.actor })),
  };
}

/** Rounds with their tasks as the project record shows them (overdue judged by today in China). */
export function roundViews(rounds: Record<string, any>[], tasks: Record<string, any>[]): ProjectRound[] {
  const today = chinaToday();
  return rounds.map((r) => ({
    round: r.round_no,
    id: r.id,
    status: r.status,
    siteVersion: r.site_version,
    sitingReport: r.siting_report_id ? { id: r.siting_report_id, number: r.report_number } : null,
    submittedAt: iso(r.submitted_at)!,
    closedAt: iso(r.closed_at),
    invalidatedAt: iso(r.invalidated_at),
    tasks: tasks
      .filter((t) => t.round_id === r.id)
      .map((t) => ({
        id: t.id,
        department: { code: t.department_code, name: t.department_name },
        assignedBy: t.assigned_by,
        dueAt: dateOnly(t.deadline),
        overdue: t.answered_at === null && r.status === 'open' && dateOnly(t.deadline) < today,
        verdict: t.verdict ? VERDICT_KEY[t.verdict]! : null,
        opinion: t.opinion,
        conditions: t.conditions,
        answeredAt: iso(t.answered_at),
        answeredBy: t.answered_by_name ?? null,
      })),
  }));
}

/** A list row of the lists page. */
export function listItem(p: ProjectRow) {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    county: { code: p.region_code, name: p.region_name },
    type: p.type,
    industryCode: p.industry_code,
    investmentWan: num(p.investment_wan),
    stage: p.stage,
    stageLabel: stageLabel(p.stage as Stage, p.green_channel),
    libraries: p.libraries,
    isDemo: p.is_demo,
  };
}

/** A project as a map feature: its latest site version, with what the map labels. */
export function projectFeature(p: ProjectRow & { geometry: GeoJSON.Geometry; site_version: number; area_m2: number }): GeoJSON.Feature {
  return {
    type: 'Feature',
    id: p.id,
    geometry: p.geometry,
    properties: {
      id: p.id,
      code: p.code,
      name: p.name,
      stage: p.stage,
      stageLabel: stageLabel(p.stage as Stage, p.green_channel),
      type: p.type,
      county: p.region_name,
      investmentWan: num(p.investment_wan),
      siteVersion: p.site_version,
      areaMu: Math.round(m2ToMu(Number(p.area_m2)) * 100) / 100,
      isDemo: p.is_demo,
    },
  };
}

function dateOnly(d: Date | string): string {
  if (typeof d === 'string') return d.slice(0, 10);
  return chinaToday(d);
}

function siteVersion(s: SiteRow): ProjectSiteVersion {
  const m2 = Number(s.area_m2);
  return { version: s.version, areaM2: m2, areaMu: Math.round(m2ToMu(m2) * 10_000) / 10_000, epsg: s.area_epsg, source: s.source, note: s.note, createdAt: iso(s.created_at)!, geometry: s.geometry };
}
