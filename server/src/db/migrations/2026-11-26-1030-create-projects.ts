import type { Knex } from 'knex';
import { geometry, gistIndex } from '../migration-helpers.ts';

export const PROJECT_TYPES = ['政府投资', '社会投资', '招商引资'] as const;
export const PROJECT_STAGES = ['谋划', '策划生成', '储备', '审批', '建设', '投产', '终止'] as const;

export async function up(knex: Knex) {
  await knex.schema.createTable('projects', (t) => {
    t.comment('Key projects: attributes, libraries, stage and factor needs; the current site is their map feature.');
    t.increments('id');
    // Our own code, documented in docs/: LC-<county code>-<year>-<serial>.
    t.string('code', 32).notNullable().unique();
    // 投资项目统一代码 from the national approval platform, when known.
    t.string('national_code', 32).unique();
    t.string('name', 128).notNullable();
    t.string('unit_name', 128).notNullable().defaultTo('');
    t.integer('region_id').notNullable().references('regions.id');
    t.integer('zone_id').references('regions.id');
    t.string('type', 8).notNullable().checkIn([...PROJECT_TYPES], 'projects_type_check');
    t.string('industry_code', 8);
    t.string('industry_name', 64);
    t.boolean('strategic_emerging').notNullable().defaultTo(false);
    t.decimal('investment_wan', 14, 2);
    t.decimal('foreign_annual_new_usd_m', 12, 2);
    t.decimal('foreign_cash_registered_usd_m', 12, 2);
    t.specificType('funding_sources', 'text[]').notNullable().defaultTo('{}');
    t.specificType('libraries', 'text[]').notNullable().defaultTo('{}');
    t.string('stage', 8).notNullable().defaultTo('谋划').checkIn([...PROJECT_STAGES], 'projects_stage_check');
    t.date('planned_start');
    t.date('planned_end');
    // { landMu, energyTce, coalT, codT, nh3nT, so2T, noxT, vocsT, fundsWan }
    t.jsonb('needs').notNullable().defaultTo('{}');
    t.boolean('is_public').notNullable().defaultTo(false);
    t.boolean('green_channel').notNullable().defaultTo(false);
    t.integer('commissioner_id').references('users.id');
    t.integer('created_by').references('users.id');
    t.boolean('is_demo').notNullable().defaultTo(false);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check('investment_wan is null or investment_wan >= 0', [], 'projects_investment_check');
    t.check('planned_end is null or planned_start is null or planned_end >= planned_start', [], 'projects_dates_check');
    t.index(['region_id']);
    t.index(['stage']);
  });

  await knex.schema.createTable('project_sites', (t) => {
    t.comment('Versioned project sites: every change of the site is a new version; rounds freeze one version.');
    t.increments('id');
    t.integer('project_id').notNullable().references('projects.id').onDelete('cascade');
    t.integer('version').notNullable();
    t.specificType('geom', geometry('MultiPolygon')).notNullable();
    // Official planar area in the proper CGCS2000 GK zone, and which zone (EPSG) it was computed in.
    t.decimal('area_m2', 14, 2).notNullable();
    t.integer('area_epsg').notNullable();
    t.string('source', 12).notNullable().checkIn(['drawn', 'imported', 'picked', 'demo'], 'project_sites_source_check');
    t.text('note').notNullable().defaultTo('');
    t.integer('created_by').references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['project_id', 'version']);
    t.check('version >= 1', [], 'project_sites_version_check');
    t.check('area_m2 > 0', [], 'project_sites_area_check');
    t.check('ST_IsValid(geom)', [], 'project_sites_geom_valid');
  });
  await gistIndex(knex, 'project_sites');

  await knex.schema.createTable('siting_reports', (t) => {
    t.comment('Saved siting analyses (精准选址报告): numbered, dated, citable, optionally tied to a site version.');
    t.increments('id');
    t.string('number', 32).notNullable().unique();
    t.integer('project_site_id').references('project_sites.id').onDelete('set null');
    t.specificType('geom', geometry('MultiPolygon')).notNullable();
    t.jsonb('analysis').notNullable();
    t.integer('created_by').references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex) {
  for (const table of ['siting_reports', 'project_sites', 'projects']) await knex.schema.dropTable(table);
}
