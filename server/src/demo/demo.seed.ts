import type { Knex } from 'knex';
import { recordAudit } from '../modules/audit/audit.repository.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { DEMO_LAYERS, type DemoLayer } from './demo-layers.ts';
import { readDemoFile } from './demo-files.ts';
import { insertLayerFeatures, refreshLayerStats } from '../modules/blueprint/layers.repository.ts';
import { seedDemoProjects } from './demo-projects.seed.ts';
import { seedDemoFactors } from './demo-factors.seed.ts';

/** True when the demo data is already there (it is seeded once, on the first start). */
export async function isDemoSeeded(knex: Knex) {
  return Boolean(await knex('users').where({ username: 'admin' }).first('id'));
}

/**
 * Seeds accounts, demo layers, development zones and projects in one transaction: a failure leaves no
 * half-seeded database behind, and the next start tries again.
 */
export async function seedDemo(knex: Knex, password: string, log: (line: string) => void = () => {}) {
  const passwordHash = await hashPassword(password);
  await knex.transaction(async (trx) => {
    await seedAccounts(trx, passwordHash);
    await seedZones(trx);
    for (const layer of DEMO_LAYERS) {
      const count = await seedLayer(trx, layer);
      log(`  图层 ${layer.name}：${count} 个要素`);
    }
    const projects = await seedDemoProjects(trx);
    log(`  项目：${projects} 个`);
    log(`  要素台账：${await seedDemoFactors(trx)} 笔业务`);
    await recordAudit(trx, { actorUsername: 'system', action: 'demo.seed', detail: { layers: DEMO_LAYERS.length, projects } });
  });
}

async function seedAccounts(trx: Knex.Transaction, passwordHash: string) {
  for (const a of DEMO_ACCOUNTS) {
    const region = a.regionCode ? await trx('regions').where({ code: a.regionCode }).first('id') : undefined;
    const department = a.departmentCode ? await trx('departments').where({ code: a.departmentCode }).first('id') : undefined;
    const [user] = await trx('users')
      .insert({ username: a.username, display_name: a.displayName, password_hash: passwordHash, region_id: region?.id ?? null, department_id: department?.id ?? null })
      .returning('id');
    await trx('user_roles').insert(a.roles.map((role_key) => ({ user_id: user.id, role_key })));
  }
}

/** The three city development zones become regions (level zone) so projects and accounts can refer to them. */
async function seedZones(trx: Knex.Transaction) {
  const zones = readDemoFile<GeoJSON.FeatureCollection>('development-zones.geojson');
  const city = await trx('regions').where({ level: 'city' }).first('id');
  for (const f of zones.features) {
    const p = f.properties as { code: string; name: string };
    await trx.raw(
      `insert into regions (code, name, level, parent_id, geom, label_point, is_demo)
       select :code, :name, 'zone', :parent, g, ST_PointOnSurface(g), true
       from (select ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(:geometry), 4326)), 3)) as g) s`,
      { code: p.code, name: p.name, parent: city.id, geometry: JSON.stringify(f.geometry) },
    );
  }
}

async function seedLayer(trx: Knex.Transaction, layer: DemoLayer) {
  const department = layer.department ? await trx('departments').where({ code: layer.department }).first('id') : undefined;
  const [row] = await trx('layers')
    .insert({
      key: layer.key,
      name: layer.name,
      group_name: layer.group,
      kind: layer.kind,
      geometry_type: layer.geometryType,
      style: JSON.stringify(layer.style),
      attribute_schema: JSON.stringify(layer.attributes),
      source_department_id: department?.id ?? null,
      data_date: '2026-01-01',
      is_demo: true,
      sort_order: DEMO_LAYERS.indexOf(layer),
      description: layer.description,
    })
    .returning('id');
  const fc = readDemoFile<GeoJSON.FeatureCollection>(`${layer.key}.geojson`);
  const count = await insertLayerFeatures(trx, row.id, fc.features);
  await refreshLayerStats(trx, row.id);
  return count;
}
