import type { Knex } from 'knex';
import { sqlFile } from '../../db/sql-file.ts';
import type { SitingRule } from './siting-rules.ts';
import { CONTEXT_LAYERS, findings, sitesJson, type SiteFindingRow, type SiteInput } from './siting.repository.ts';
import { pgArray } from '../../db/pg-array.ts';

export interface ParcelRow {
  id: number;
  properties: Record<string, unknown>;
  valid: boolean;
  epsg: number | null;
  m2: number | null;
  county: string | null;
}

export interface CutRow {
  id: number;
  mode: 'whole' | 'part';
  epsg: number;
  m2: number;
  perimeter_m: number;
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
}

export interface CandidateContextRow {
  id: number;
  county: { code: string; name: string } | null;
  parks: { layer: string; id: number; properties: Record<string, unknown> }[] | null;
  control_unit: { id: number; properties: Record<string, unknown> } | null;
  road: { name: string | null; distance: number } | null;
  excluded: { layer: string; id: number }[] | null;
}

/** A candidate's finding row: `sid` is the candidate's (parcel) id. */
export type CandidateFindingRow = SiteFindingRow;

/** A candidate as the batch queries take it: the parcel id, its GK zone and its EPSG 4326 geometry. */
export type CandidateInput = SiteInput;


export async function stockParcels(db: Knex): Promise<ParcelRow[]> {
  return (await db.raw(sqlFile(import.meta.url, 'recommend-parcels.sql'), { stockLayer: CONTEXT_LAYERS.stockLand })).rows;
}

export async function cutCandidates(db: Knex, items: { id: number; mode: 'whole' | 'part'; epsg: number }[], needM2: number): Promise<CutRow[]> {
  if (items.length === 0) return [];
  return (await db.raw(sqlFile(import.meta.url, 'recommend-cut.sql'), { items: JSON.stringify(items), needM2 })).rows;
}

export async function candidateContext(db: Knex, candidates: readonly CandidateInput[], exclude: { layers: string[]; featureIds: number[] }): Promise<CandidateContextRow[]> {
  if (candidates.length === 0) return [];
  const r = await db.raw(sqlFile(import.meta.url, 'recommend-context.sql'), {
    candidates: sitesJson(candidates),
    parkLayers: pgArray(CONTEXT_LAYERS.parks),
    controlUnitLayer: CONTEXT_LAYERS.controlUnits,
    roadLayer: CONTEXT_LAYERS.roads,
    excludeLayers: pgArray(exclude.layers),
    excludeIds: pgArray(exclude.featureIds),
    hasExclusions: exclude.layers.length + exclude.featureIds.length > 0,
  });
  return r.rows;
}

/** The candidates' findings: the analysis's own findings query (site-findings.sql), all candidates in one batch. */
export function candidateFindings(db: Knex, candidates: readonly CandidateInput[], rules: readonly SitingRule[]): Promise<CandidateFindingRow[]> {
  return findings(db, candidates, rules);
}

export async function countyName(db: Knex, code: string): Promise<{ code: string; name: string } | undefined> {
  return db('regions').where({ level: 'county', code }).first('code', 'name');
}

export async function existingLayerKeys(db: Knex, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  return (await db('layers').whereIn('key', keys).select('key')).map((r: { key: string }) => r.key);
}
