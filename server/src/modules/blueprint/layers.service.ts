import type { Knex } from 'knex';
import type { LabelledAttribute, LayerInfo } from '../../../../common/src/layers.ts';
import { notFoundOrNoAccess } from '../../http/app-error.ts';
import { canSeeLayer } from '../../policy/access.policy.ts';
import type { Actor } from '../../policy/actor.ts';
import * as repo from './layers.repository.ts';

export { MAX_BBOX_FEATURES } from '../../../../common/src/contract/blueprint.contract.ts';
/** The registry row, for other modules that keep layer names and versions (they read it through this service). */
export type { LayerRow } from './layers.repository.ts';

export function toLayerInfo(row: repo.LayerRow): LayerInfo {
  return {
    key: row.key,
    name: row.name,
    group: row.group_name as LayerInfo['group'],
    kind: row.kind as LayerInfo['kind'],
    geometryType: row.geometry_type,
    style: row.style,
    attributes: row.attribute_schema,
    sourceDepartment: row.department_code ? { code: row.department_code, name: row.department_name! } : null,
    dataDate: row.data_date,
    version: row.version,
    featureCount: row.feature_count,
    minZoom: row.min_zoom,
    bbox: row.bbox,
    isDemo: row.is_demo,
    description: row.description,
    tiles: `/tiles/${row.key}/{z}/{x}/{y}.pbf?v=${row.version}`,
  };
}

/** Attributes in the layer's declared order with their Chinese labels, then any undeclared ones. */
export function labelAttributes(row: repo.LayerRow, properties: Record<string, unknown>): LabelledAttribute[] {
  const declared = row.attribute_schema.map((a) => ({ key: a.key, label: a.label, value: properties[a.key] ?? null }));
  const known = new Set(row.attribute_schema.map((a) => a.key));
  const extra = Object.keys(properties)
    .filter((k) => !known.has(k))
    .map((k) => ({ key: k, label: k, value: properties[k] }));
  return [...declared, ...extra];
}

export class LayersService {
  constructor(private readonly db: Knex) {}

  async list(actor: Actor): Promise<LayerInfo[]> {
    const rows = await repo.listLayers(this.db);
    return rows.filter((r) => canSeeLayer(actor, { visibleToRoles: r.visible_to_roles })).map(toLayerInfo);
  }

  /** Every registry row, hidden ones included: for records that keep layer names and versions (reports). */
  async registry(): Promise<repo.LayerRow[]> {
    return repo.listLayers(this.db);
  }

  /** The registry rows the actor may see. */
  async visibleRows(actor: Actor): Promise<repo.LayerRow[]> {
    return (await repo.listLayers(this.db)).filter((r) => canSeeLayer(actor, { visibleToRoles: r.visible_to_roles }));
  }

  /** The layer row if the actor may see it; otherwise the same 404 as a layer that does not exist. */
  async visibleLayer(actor: Actor, key: string): Promise<repo.LayerRow> {
    const row = await repo.findLayer(this.db, key);
    if (!row || !canSeeLayer(actor, { visibleToRoles: row.visible_to_roles })) throw notFoundOrNoAccess('图层');
    return row;
  }

  async feature(actor: Actor, key: string, id: number) {
    const layer = await this.visibleLayer(actor, key);
    const f = await repo.findFeature(this.db, layer.id, id);
    if (!f) throw notFoundOrNoAccess('要素');
    return { type: 'Feature' as const, id: f.id, layer: layer.key, layerName: layer.name, properties: f.properties, attributes: labelAttributes(layer, f.properties), geometry: f.geometry };
  }

  async inBbox(actor: Actor, key: string, bbox: [number, number, number, number], limit: number) {
    const layer = await this.visibleLayer(actor, key);
    const rows = await repo.featuresInBbox(this.db, layer.id, bbox, limit);
    const truncated = rows.length > limit;
    return {
      type: 'FeatureCollection' as const,
      truncated,
      features: rows.slice(0, limit).map((f) => ({ type: 'Feature' as const, id: f.id, properties: f.properties, geometry: f.geometry })),
    };
  }

  /** Identify at a point across the visible layers (or the requested subset of them). */
  async atPoint(actor: Actor, lon: number, lat: number, radiusM: number, keys?: string[]) {
    const visible = (await repo.listLayers(this.db)).filter((r) => canSeeLayer(actor, { visibleToRoles: r.visible_to_roles }));
    const wanted = keys ? visible.filter((r) => keys.includes(r.key)) : visible;
    if (wanted.length === 0) return { features: [] };
    const byId = new Map(wanted.map((r) => [r.id, r]));
    const rows = await repo.featuresAtPoint(this.db, [...byId.keys()], lon, lat, radiusM, 50);
    return {
      features: rows.map((f) => {
        const layer = byId.get(f.layer_id)!;
        return { type: 'Feature' as const, id: f.id, layer: layer.key, layerName: layer.name, kind: layer.kind, properties: f.properties, attributes: labelAttributes(layer, f.properties), geometry: f.geometry };
      }),
    };
  }
}
