import type { Knex } from 'knex';
import type { SitingReport, SitingReportCreate, SitingReportSummary } from '../../../../../common/src/siting-report.ts';
import type { SitingAnalysis, SitingNeeds } from '../../../../../common/src/siting.ts';
import { notFoundOrNoAccess } from '../../../http/app-error.ts';
import { assertCan, canReadSitingReport } from '../../../policy/access.policy.ts';
import type { Actor } from '../../../policy/actor.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import type { LayerRow, LayersService } from '../../blueprint/layers.service.ts';
import { activeRules } from '../siting-rules.repository.ts';
import type { SitingRule } from '../siting-rules.ts';
import type { SitingService } from '../siting.service.ts';
import { reportDocument } from './report-document.ts';
import { buildReportMap, chooseScale, frameAt, type MapDrawing, type MapLayer } from './report-map.ts';
import { mapSvg } from './report-svg.ts';
import * as repo from './siting-report.repository.ts';

/** Features drawn on one report map at most; conflicting ones first (map-features.sql). */
const MAP_FEATURE_LIMIT = 4000;
/** Layer kinds the report map draws (context: what a site must avoid, and what orients a reader). */
const MAP_KINDS = new Set(['hard', 'soft', 'reference']);
const PT_M = 0.0254 / 72;

const WHAT = '选址报告';

export class SitingReportService {
  constructor(
    private readonly db: Knex,
    private readonly siting: SitingService,
    private readonly layers: LayersService,
  ) {}

  /**
   * Analyses the site and saves the result under the next number of the year, with the rules and layer
   * versions that produced it. Bad sites are refused by the analysis before anything is written; the
   * report and its audit record commit together.
   */
  async create(actor: Actor, input: SitingReportCreate, ip: string | null): Promise<SitingReport> {
    assertCan(actor, 'siting.use', '精准选址');
    const needs: SitingNeeds = input.needs ?? {};
    const analysis = await this.siting.analyze(actor, input.geometry, needs);
    const [rules, layerVersions] = await Promise.all([activeRules(this.db), repo.layerVersions(this.db)]);
    const regionId = analysis.region.county ? await repo.regionIdByCode(this.db, analysis.region.county.code) : null;
    const title = input.title?.trim() || defaultTitle(analysis);
    const saved = await this.db.transaction(async (trx) => {
      const row = await repo.insertReport(trx, {
        title,
        regionId,
        projectSiteId: null,
        geometry: input.geometry as GeoJSON.Geometry,
        needs,
        analysis,
        layerVersions,
        rules,
        createdBy: actor.id,
      });
      await recordAudit(trx, {
        actorId: actor.id,
        actorUsername: actor.username,
        action: 'siting.report.create',
        entityKind: 'siting_report',
        entityId: row.id,
        detail: { number: row.number, verdict: analysis.verdict.result, areaMu: analysis.area.mu, county: analysis.region.county?.code ?? null },
        ip,
      });
      return row;
    });
    return this.get(actor, saved.id);
  }

  /** What a report made now would record: the active rules and the layer versions (read before a transaction that freezes them). */
  async currentBasis(): Promise<{ rules: SitingRule[]; layerVersions: Record<string, number> }> {
    const [rules, layerVersions] = await Promise.all([activeRules(this.db), repo.layerVersions(this.db)]);
    return { rules, layerVersions };
  }

  /** Stores a report another module freezes (a consultation round's), in the caller's transaction; no access check, no audit of its own. */
  async insertInTransaction(trx: Knex.Transaction, r: repo.NewReport): Promise<{ id: number; number: string }> {
    return repo.insertReport(trx, r);
  }

  /** The stored report row by id, without an access check (the caller has checked access to what froze it). */
  async storedRow(id: number): Promise<repo.ReportRow | undefined> {
    return repo.findReport(this.db, { id });
  }

  async get(actor: Actor, id: number): Promise<SitingReport> {
    const row = await this.readable(actor, id);
    return toReport(row, await this.layers.registry());
  }

  async list(actor: Actor, limit = 50): Promise<SitingReportSummary[]> {
    if (!actorMayList(actor)) return [];
    const regionId = actor.scope === 'city' ? null : (actor.regionId ?? -1);
    const rows = await repo.listReports(this.db, { regionId, createdBy: actor.id, limit });
    return rows
      .filter((r) => canReadSitingReport(actor, { regionId: r.region_id, createdBy: r.created_by }))
      .map((r) => {
        const a = r.analysis as SitingAnalysis;
        return { id: r.id, number: r.number, title: r.title, createdAt: new Date(r.created_at).toISOString(), verdict: a.verdict.result, areaMu: a.area.mu, county: a.region.county?.name ?? null };
      });
  }

  async svg(actor: Actor, id: number): Promise<string> {
    const report = await this.get(actor, id);
    const { drawing } = await this.drawing(actor, report);
    return mapSvg(drawing, `${report.number} ${report.title}`);
  }

  async pdf(actor: Actor, id: number): Promise<{ number: string; bytes: Uint8Array }> {
    const report = await this.get(actor, id);
    const { drawing, site } = await this.drawing(actor, report);
    return { number: report.number, bytes: await reportDocument(report, drawing, site) };
  }

  private async readable(actor: Actor, id: number): Promise<repo.ReportRow> {
    const row = Number.isSafeInteger(id) && id > 0 ? await repo.findReport(this.db, { id }) : undefined;
    if (!row) throw notFoundOrNoAccess(WHAT);
    // A department reviewing a round reads the report that round froze.
    const reviewing = actor.departmentId !== null && (await repo.reviewedByDepartment(this.db, row.id, actor.departmentId));
    if (!canReadSitingReport(actor, { regionId: row.region_id, createdBy: row.created_by, assignedToDepartment: reviewing })) throw notFoundOrNoAccess(WHAT);
    return row;
  }

  /** The map of a report, drawn from the layers as they are now (the figures are the saved ones). */
  private async drawing(actor: Actor, report: SitingReport): Promise<{ drawing: MapDrawing; site: repo.SiteGk }> {
    const epsg = report.analysis.area.epsg;
    const zone = epsg - 4513 + 25;
    const site = await repo.siteInGk(this.db, report.geometry, epsg);
    const scale = chooseScale(site.xmax - site.xmin, site.ymax - site.ymin);
    const frame = frameAt((site.xmin + site.xmax) / 2, (site.ymin + site.ymax) / 2, scale);
    const layers = (await this.layers.visibleRows(actor)).filter((l) => MAP_KINDS.has(l.kind) && l.geometry_type !== 'point');
    const findings = report.analysis.findings.filter((f) => f.severity !== 'info');
    const conflictIds = [...new Set(findings.filter((f) => f.measure === 'inside').flatMap((f) => f.featureIds))];
    const tolerance = scale * PT_M * 0.25;
    const [features, boundaries, highlights] = await Promise.all([
      repo.mapFeatures(this.db, { frame, epsg, tolerance, layerIds: layers.map((l) => l.id), conflictIds, limit: MAP_FEATURE_LIMIT }),
      repo.boundaries(this.db, frame, epsg, tolerance),
      Promise.all(findings.map(async (f) => ({ severity: f.severity as 'forbidden' | 'adjust', geometry: await repo.highlight(this.db, report.geometry, epsg, f.featureIds, f.measure) }))),
    ]);
    const drawing = buildReportMap({
      site: site.geometry,
      siteCentre: { lon: site.lon, lat: site.lat },
      frame,
      scale,
      epsg,
      zone,
      centralMeridian: zone * 3,
      layers: layers.map(toMapLayer),
      features,
      boundaries,
      highlights: highlights.filter((h): h is { severity: 'forbidden' | 'adjust'; geometry: GeoJSON.Geometry } => h.geometry !== null),
      truncated: features.length >= MAP_FEATURE_LIMIT,
    });
    return { drawing, site };
  }
}

function actorMayList(actor: Actor) {
  return actor.permissions.has('siting.use') || actor.permissions.has('projects.read');
}

function defaultTitle(a: SitingAnalysis): string {
  const where = [a.region.county?.name, a.region.park?.name].filter(Boolean).join(' ');
  return `${where || '聊城市'} ${a.area.mu.toFixed(2)} 亩选址分析`;
}

function toMapLayer(l: LayerRow): MapLayer {
  return { id: l.id, name: l.name, kind: l.kind, geometryType: l.geometry_type, sortOrder: l.sort_order, style: l.style };
}

function toReport(row: repo.ReportRow, layers: LayerRow[]): SitingReport {
  const demoKeys = new Set(layers.filter((l) => l.is_demo).map((l) => l.key));
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.username ? { username: row.username, displayName: row.display_name ?? row.username } : null,
    projectSiteId: row.project_site_id,
    geometry: row.geometry,
    needs: row.needs as SitingNeeds,
    analysis: row.analysis as SitingAnalysis,
    layerVersions: row.layer_versions,
    demo: Object.keys(row.layer_versions).some((k) => demoKeys.has(k)),
  };
}
