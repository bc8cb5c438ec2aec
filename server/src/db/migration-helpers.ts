import type { Knex } from 'knex';

/** GiST index on a geometry column: every spatial filter (&&, ST_Intersects) relies on it. */
export function gistIndex(knex: Knex, table: string, column = 'geom') {
  return knex.raw(`create index ?? on ?? using gist (??)`, [`${table}_${column}_gist`, table, column]);
}

/** A geometry column constrained to EPSG:4326 (and to a type when given). */
export function geometry(type: 'Geometry' | 'MultiPolygon' | 'Point' | 'MultiLineString' = 'Geometry') {
  return `geometry(${type}, 4326)`;
}

/**
 * Append-only tables: a trigger refuses UPDATE and DELETE, so history cannot be rewritten even by code
 * that forgets the rule, and a statement trigger refuses TRUNCATE (row triggers do not fire on it, also
 * not when another table's TRUNCATE … CASCADE reaches this one). Corrections are new rows.
 */
export async function makeAppendOnly(knex: Knex, table: string) {
  await knex.raw(`create trigger ?? before update or delete on ?? for each row execute function refuse_change()`, [
    `${table}_append_only`,
    table,
  ]);
  await refuseTruncate(knex, table);
}

/** The TRUNCATE half of makeAppendOnly (idempotent: `or replace`). */
export function refuseTruncate(knex: Knex, table: string) {
  return knex.raw(`create or replace trigger ?? before truncate on ?? for each statement execute function refuse_change()`, [`${table}_no_truncate`, table]);
}
