import { readFileSync } from 'node:fs';
import type { Knex } from 'knex';
import { CN_CALENDAR } from '../../../../common/src/working-days.ts';
import { SITING_RULES } from '../../modules/siting/siting-rules.ts';
import { seedDefaultRules } from '../../modules/siting/siting-rules.repository.ts';
import { CITY, DEPARTMENTS, ROLES } from './reference-data.ts';

const COUNTIES_FILE = new URL('../../../../data/boundaries/liaocheng-counties.geojson', import.meta.url);

/**
 * Idempotent: inserts what is missing, never overwrites what an administrator changed.
 * The city boundary is the union of the real county boundaries; the source rings are quantised
 * (1/1024°) and leave hairline slivers between neighbours, which a 30 m close (buffer out, buffer in) removes.
 */
export async function seedReferenceData(knex: Knex) {
  await knex.transaction(async (trx) => {
    await trx('roles')
      .insert(ROLES.map((r, i) => ({ key: r.key, name: r.name, description: r.description, scope_kind: r.scopeKind, duty: r.duty ?? null, permissions: r.permissions, sort_order: i })))
      .onConflict('key')
      .ignore();

    if (!(await trx('regions').where({ code: CITY.code }).first())) await seedRegions(trx);
    const city = await trx('regions').where({ code: CITY.code }).first('id');
    await trx('departments')
      .insert(DEPARTMENTS.map((d, i) => ({ code: d.code, name: d.name, short_name: d.shortName, region_id: city.id, sort_order: i })))
      .onConflict('code')
      .ignore();
    await seedDefaultRules(trx, SITING_RULES);
    // Public holidays and 调休 for deadlines in working days; an admin corrects the table, a rerun never overwrites.
    await trx('calendar_days')
      .insert(CN_CALENDAR.map((d) => ({ day: d.day, kind: d.kind, name: d.name })))
      .onConflict('day')
      .ignore();
  });
}

// Repairs the quantised source rings (repeated points, touching spikes) into a valid MultiPolygon.
const REPAIRED = `ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_RemoveRepeatedPoints(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326))), 3))`;

async function seedRegions(trx: Knex.Transaction) {
  const counties = JSON.parse(readFileSync(COUNTIES_FILE, 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.MultiPolygon, { code: string; name: string }>;
  const geometries = counties.features.map((f) => JSON.stringify(f.geometry));
  const [city] = await trx
    .raw(
      `insert into regions (code, name, level, geom)
       select ?, ?, 'city', ST_Multi(ST_Transform(ST_Buffer(ST_Buffer(ST_Union(ST_Transform(g, 4527)), 30), -30), 4326))
       from (select ${REPAIRED.replace('?', 'e.value')} as g from json_array_elements_text(?::json) as e(value)) s
       returning id`,
      [CITY.code, CITY.name, JSON.stringify(geometries)],
    )
    .then((r) => r.rows);
  for (const f of counties.features) {
    await trx.raw(`insert into regions (code, name, level, parent_id, geom) values (?, ?, 'county', ?, ${REPAIRED})`, [
      f.properties.code,
      f.properties.name,
      city.id,
      JSON.stringify(f.geometry),
    ]);
  }
  await trx.raw(`update regions set label_point = ST_PointOnSurface(geom) where label_point is null`);
}
