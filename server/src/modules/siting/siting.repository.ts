import type { Knex } from 'knex';
import { sqlFile } from '../../db/sql-file.ts';
import type { SitingRule } from './siting-rules.ts';

/** The layers the analysis reads for context, by registry key (identifiers never come from the request). */
export const CONTEXT_LAYERS = {
  parks: ['industrial-parks', 'development-zones'],
  controlUnits: 'environmental-control-units',
  roads: 'main-roads',
  stockLand: 'stock-land',
} as const;

export interface SiteCheckRow {
  valid: boolean;
  reason: string | null;
  centroid_lon: number | null;
  ellipsoidal_m2: number | null;
  in_city: boolean | null;
}

export interface SiteContextRow {
  m2: number;
  ellipsoidal_m2: number;
  county: { code: string; name: string } | null;
  zone: { code: string; name: string } | null;
  park: { layer: string; id: number; properties: Record<string, unknown> } | null;
  control_unit: { id: number; properties: Record<string, unknown> } | null;
}

export interface FindingRow {
  layer: string;
  layer_name: string;
  kind: 'hard' | 'soft';
  rule_id: string;
  measure: 'inside' | 'outside';
  covered_m2: number;
  feature_ids: number[];
  names: string[];
}

/** A finding row of one site of a batch: `sid` is the id the site was passed with. */
export type SiteFindingRow = FindingRow & { sid: number };

/** A site as the batch queries take it: an id of the caller's choice, its GK zone and its EPSG 4326 geometry. */
export interface SiteInput {
  id: number;
  epsg: number;
  geometry: GeoJSON.Geometry;
}

export interface RoadRow {
  id: number;
  name: string | null;
  grade: string | null;
  distance_m: number;
}

const json = (g: GeoJSON.Geometry) => JSON.stringify(g);
/** The :sites parameter of the batch queries (each geometry as GeoJSON text, read with ->>). */
export const sitesJson = (sites: readonly SiteInput[]) => JSON.stringify(sites.map((s) => ({ id: s.id, epsg: s.epsg, geometry: json(s.geometry) })));

export async function checkSite(db: Knex, geometry: GeoJSON.Geometry): Promise<SiteCheckRow> {
  const r = await db.raw(sqlFile(import.meta.url, 'check-site.sql'), { geometry: json(geometry) });
  return r.rows[0];
}

export async function siteContext(db: Knex, geometry: GeoJSON.Geometry, epsg: number): Promise<SiteContextRow> {
  const r = await db.raw(sqlFile(import.meta.url, 'site-context.sql'), {
    geometry: json(geometry),
    epsg,
    parkLayers: `{${CONTEXT_LAYERS.parks.join(',')}}`,
    controlUnitLayer: CONTEXT_LAYERS.controlUnits,
  });
  return r.rows[0];
}

/**
 * The findings of many sites in one statement, ordered by site id, layer and rule: the analysis and the
 * recommendation share this one query, so their rule semantics and figures cannot drift apart.
 */
export async function findings(db: Knex, sites: readonly SiteInput[], rules: readonly SitingRule[]): Promise<SiteFindingRow[]> {
  if (sites.length === 0) return [];
  return (await db.raw(sqlFile(import.meta.url, 'site-findings.sql'), { sites: sitesJson(sites), rules: JSON.stringify(rules) })).rows;
}

/** The findings of one site (the analysis): the batch query with a one-element batch. */
export async function siteFindings(db: Knex, geometry: GeoJSON.Geometry, epsg: number, rules: readonly SitingRule[]): Promise<FindingRow[]> {
  return (await findings(db, [{ id: 0, epsg, geometry }], rules)).map(({ sid: _sid, ...row }) => row);
}

export async function nearestRoad(db: Knex, geometry: GeoJSON.Geometry, epsg: number): Promise<RoadRow | undefined> {
  const r = await db.raw(sqlFile(import.meta.url, 'nearest-road.sql'), { geometry: json(geometry), epsg, roadLayer: CONTEXT_LAYERS.roads });
  return r.rows[0];
}

export async function countyStockLand(db: Knex, countyCode: string): Promise<{ parcels: number; m2: number }> {
  const r = await db.raw(sqlFile(import.meta.url, 'county-stock-land.sql'), { countyCode, stockLayer: CONTEXT_LAYERS.stockLand });
  return r.rows[0];
}

export interface FactorPoolRow {
  factor: string;
  county_balance: number | null;
  city_balance: number | null;
}

export async function factorPools(db: Knex, countyCode: string, year: number): Promise<FactorPoolRow[]> {
  const r = await db.raw(sqlFile(import.meta.url, 'factor-pools.sql'), { countyCode, year });
  return r.rows.map((row: FactorPoolRow) => ({
    factor: row.factor,
    county_balance: row.county_balance === null ? null : Number(row.county_balance),
    city_balance: row.city_balance === null ? null : Number(row.city_balance),
  }));
}
