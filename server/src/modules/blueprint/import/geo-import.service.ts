import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { LAYER_GROUPS, LAYER_KINDS, type LayerGroup, type LayerKind, type LayerStyle } from '../../../../../common/src/layers.ts';
import { badRequest, conflict } from '../../../http/app-error.ts';
import { assertCan } from '../../../policy/access.policy.ts';
import type { Actor } from '../../../policy/actor.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import { crsLabel, FormatIssueCode, parseGeoFile, type Issue, type ParsedGeoFile } from '../formats/index.ts';
import { deleteLayerFeatures, findLayer, insertLayer, insertLayerFeatures, lockLayerVersion, refreshLayerStats, setLayerVersion } from '../layers.repository.ts';
import type { LayersService } from '../layers.service.ts';
import { checkFeatures, type CheckedFeature } from './feature-checks.ts';

export interface Upload {
  bytes: Uint8Array;
  fileName: string;
  declaredEpsg?: number;
  layer?: string;
}

const DEFAULT_STYLES: Record<LayerKind, LayerStyle> = {
  hard: { fill: '#d32f2f', fillOpacity: 0.35, line: '#b71c1c', lineWidth: 1 },
  soft: { fill: '#f57c00', fillOpacity: 0.25, line: '#e65100', lineWidth: 1 },
  reference: { fill: '#546e7a', fillOpacity: 0.2, line: '#37474f', lineWidth: 1 },
  capacity: { fill: '#7e57c2', fillOpacity: 0.2, line: '#5e35b1', lineWidth: 1 },
  opportunity: { fill: '#43a047', fillOpacity: 0.25, line: '#2e7d32', lineWidth: 1 },
};

/** The CRS every parsed file ends in; a multi-layer zip needs the user to pick one first. */
function settled(parsed: ParsedGeoFile): number {
  if (parsed.layers && parsed.features.length === 0) {
    throw badRequest(`压缩包中有 ${parsed.layers.length} 个图层（${parsed.layers.map((l) => l.name).join('、')}），请用 layer 参数选择其中一个`, { layers: parsed.layers.map((l) => l.name) }, FormatIssueCode.chooseLayer);
  }
  if (parsed.features.length === 0) throw badRequest('文件中没有要素', undefined, FormatIssueCode.noFeatures);
  if (!parsed.crs.epsg) throw badRequest('无法确定文件的坐标系：请在“坐标系”中声明（如 EPSG:4527）', undefined, FormatIssueCode.crsUnknown);
  return parsed.crs.epsg;
}

function geometryKindOf(features: CheckedFeature[]): CheckedFeature['kind'] {
  const kinds = new Set(features.map((f) => f.kind));
  if (kinds.size > 1) throw badRequest('文件中同时含有面、线或点要素：一个图层只能有一种几何类型，请分开导入', { kinds: [...kinds] }, FormatIssueCode.mixedGeometry);
  return [...kinds][0]!;
}

function attributeSchema(features: CheckedFeature[]) {
  const keys = new Map<string, string>();
  for (const f of features.slice(0, 1000)) {
    for (const [k, v] of Object.entries(f.properties)) if (!keys.has(k) && v !== null && v !== undefined) keys.set(k, typeof v === 'object' ? (Array.isArray(v) ? 'array' : 'object') : typeof v);
  }
  return [...keys].map(([key, type]) => ({ key, label: key, type }));
}

export class GeoImportService {
  constructor(
    private readonly db: Knex,
    private readonly layers: LayersService,
  ) {}

  private parse(upload: Upload): ParsedGeoFile {
    return parseGeoFile(upload.bytes, upload.fileName, { declaredEpsg: upload.declaredEpsg, layer: upload.layer });
  }

  /** Parse and check without storing anything: the import screen previews with this. */
  async preview(upload: Upload) {
    const parsed = this.parse(upload);
    if (parsed.layers && parsed.features.length === 0) {
      return { format: parsed.format, crs: { ...parsed.crs, label: null }, layers: parsed.layers.map((l) => l.name), features: { type: 'FeatureCollection', features: [] }, report: parsed.report };
    }
    const epsg = settled(parsed);
    const checked = await checkFeatures(this.db, parsed.features, epsg);
    return {
      format: parsed.format,
      crs: { ...parsed.crs, label: crsLabel(epsg) },
      features: { type: 'FeatureCollection', features: checked.features.map((f) => ({ type: 'Feature', properties: f.properties, geometry: f.geometry })) },
      report: [...parsed.report, ...checked.report],
    };
  }

  /** A new registry layer from a file, in one transaction: all features or none. */
  async createLayer(actor: Actor, upload: Upload, meta: { name: string; group: LayerGroup; kind: LayerKind; description?: string }, ip: string | null) {
    assertCan(actor, 'layers.manage', '图层管理');
    const parsed = this.parse(upload);
    const epsg = settled(parsed);
    return this.db.transaction(async (trx) => {
      const checked = await checkFeatures(trx, parsed.features, epsg);
      if (checked.features.length === 0) throw badRequest('文件中没有可导入的要素', undefined, FormatIssueCode.noFeatures);
      const key = `imp-${randomBytes(5).toString('hex')}`;
      const layerId = await insertLayer(trx, {
        key,
        name: meta.name,
        group: meta.group,
        kind: meta.kind,
        geometryType: geometryKindOf(checked.features),
        style: DEFAULT_STYLES[meta.kind],
        attributeSchema: attributeSchema(checked.features),
        sourceDepartmentId: actor.departmentId,
        dataDate: new Date().toISOString().slice(0, 10),
        description: meta.description ?? `由 ${actor.displayName} 从 ${upload.fileName} 导入`,
      });
      const count = await insertLayerFeatures(trx, layerId, checked.features.map(toFeature));
      await refreshLayerStats(trx, layerId);
      const report: Issue[] = [...parsed.report, ...checked.report];
      await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: 'layer.create', entityKind: 'layer', entityId: key, detail: { name: meta.name, file: upload.fileName, features: count, epsg }, ip });
      return { key, featureCount: count, report };
    });
  }

  /** Append to or replace the features of an existing layer; its version goes up so tiles refresh. */
  async importInto(actor: Actor, key: string, upload: Upload, mode: 'append' | 'replace', ip: string | null) {
    assertCan(actor, 'layers.manage', '图层管理');
    const layer = await this.layers.visibleLayer(actor, key);
    const parsed = this.parse(upload);
    const epsg = settled(parsed);
    return this.db.transaction(async (trx) => {
      const checked = await checkFeatures(trx, parsed.features, epsg);
      const kind = geometryKindOf(checked.features);
      if (kind !== layer.geometry_type) {
        const names = { polygon: '面', line: '线', point: '点' };
        throw badRequest(`图层“${layer.name}”是${names[layer.geometry_type]}图层，文件中是${names[kind]}要素`, undefined, FormatIssueCode.geometryTypeMismatch);
      }
      // Lock the registry row: two imports into one layer run one after the other.
      const version = await lockLayerVersion(trx, layer.id);
      if (version === undefined) throw conflict('图层已被删除');
      if (mode === 'replace') await deleteLayerFeatures(trx, layer.id);
      const added = await insertLayerFeatures(trx, layer.id, checked.features.map(toFeature));
      await setLayerVersion(trx, layer.id, version + 1, new Date().toISOString().slice(0, 10));
      await refreshLayerStats(trx, layer.id);
      const after = await findLayer(trx, key);
      await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: `layer.import_${mode}`, entityKind: 'layer', entityId: key, detail: { file: upload.fileName, added, epsg }, ip });
      return { key, featureCount: after!.feature_count, added, version: version + 1, report: [...parsed.report, ...checked.report] };
    });
  }
}

const toFeature = (f: CheckedFeature): GeoJSON.Feature => ({ type: 'Feature', properties: f.properties, geometry: f.geometry });

export const isLayerGroup = (v: string): v is LayerGroup => (LAYER_GROUPS as readonly string[]).includes(v);
export const isLayerKind = (v: string): v is LayerKind => (LAYER_KINDS as readonly string[]).includes(v);
