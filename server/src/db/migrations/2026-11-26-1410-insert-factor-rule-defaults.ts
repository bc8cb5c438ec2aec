import type { Knex } from 'knex';

/**
 * Data: the seed's pooling defaults (Art. 17: 30 % of the new construction-land quota a county controls
 * goes to the city; Art. 18: 30 % of replaceable pollutant totals to the city environmental resource pool,
 * 70 % stay with the county), and factor permissions for county planners and department reviewers on
 * installations whose roles were seeded before (new ones get them from reference-data.ts).
 */
export async function up(knex: Knex) {
  await knex('factor_rules').insert([
    { id: 'land-county-pooling', name: '新增建设用地指标市级统筹', movement_kind: '下达', from_owner_kind: 'external', to_owner_kind: 'county', factors: ['land'], city_share: 0.3,
      basis: '第十七条：县（市、区）自主管控的新增建设用地指标的30%由市级统筹，用于保障重点项目' },
    { id: 'pollutant-city-pool', name: '可替代污染物总量市级储备', movement_kind: '挖潜', from_owner_kind: 'external', to_owner_kind: 'county', factors: ['cod', 'nh3n', 'so2', 'nox', 'vocs'], city_share: 0.3,
      basis: '第十八条：可替代总量指标的30%纳入市级环境资源储备库，70%留县（市、区）使用' },
  ]);
  await knex.raw(`update roles set permissions = array_append(permissions, 'factors.manage') where key = 'county_planner' and not ('factors.manage' = any(permissions))`);
  await knex.raw(`update roles set permissions = array_append(permissions, 'factors.read') where key = 'reviewer' and not ('factors.read' = any(permissions))`);
  await knex.raw(`update roles set permissions = array_append(permissions, 'factors.manage') where key = 'reviewer' and not ('factors.manage' = any(permissions))`);
}

export async function down(knex: Knex) {
  await knex('factor_rules').whereIn('id', ['land-county-pooling', 'pollutant-city-pool']).delete();
}
