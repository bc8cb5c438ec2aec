import type { Knex } from 'knex';
import { geometry, gistIndex } from '../migration-helpers.ts';

export const LAYER_GROUPS = ['三区三线', '国土空间规划', '产业规划', '生态环境', '能源', '土地', '基础设施', '项目'] as const;
export const LAYER_KINDS = ['hard', 'soft', 'reference', 'capacity', 'opportunity'] as const;

export async function up(knex: Knex) {
  await knex.schema.createTable('layers', (t) => {
    t.comment('Layer registry of the one blueprint: what each layer is, how it is drawn and how analysis treats it.');
    t.increments('id');
    t.string('key', 64).notNullable().unique();
    t.string('name', 64).notNullable();
    t.string('group_name', 16).notNullable().checkIn([...LAYER_GROUPS], 'layers_group_check');
    t.string('kind', 12).notNullable().checkIn([...LAYER_KINDS], 'layers_kind_check');
    t.string('geometry_type', 16).notNullable().checkIn(['polygon', 'line', 'point'], 'layers_geometry_type_check');
    t.jsonb('style').notNullable().defaultTo('{}');
    // [{ key, label, type }]: Chinese labels for the attributes shown in popups and exports.
    t.jsonb('attribute_schema').notNullable().defaultTo('[]');
    t.integer('source_department_id').references('departments.id');
    t.date('data_date');
    // Bumped on every data change: tile ETags and caches key on it.
    t.integer('version').notNullable().defaultTo(1);
    // Roles that may see the layer; empty = every logged-in user.
    t.specificType('visible_to_roles', 'text[]').notNullable().defaultTo('{}');
    t.boolean('is_demo').notNullable().defaultTo(false);
    t.integer('sort_order').notNullable().defaultTo(0);
    // Kept by refreshLayerStats() after every data change: counting 10^6 features per listing is too slow.
    t.integer('feature_count').notNullable().defaultTo(0);
    t.specificType('extent', geometry('Geometry'));
    t.text('description').notNullable().defaultTo('');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check(`key ~ '^[a-z0-9][a-z0-9-]{0,63}$'`, [], 'layers_key_check');
    t.check('version >= 1', [], 'layers_version_check');
  });

  await knex.schema.createTable('layer_features', (t) => {
    t.comment('Features of every registered layer: attributes as JSON, geometry in EPSG:4326.');
    t.bigIncrements('id');
    t.integer('layer_id').notNullable().references('layers.id').onDelete('cascade');
    t.jsonb('properties').notNullable().defaultTo('{}');
    t.specificType('geom', geometry()).notNullable();
    t.index(['layer_id']);
    t.check('ST_IsValid(geom)', [], 'layer_features_geom_valid');
  });
  await gistIndex(knex, 'layer_features');
  // Web-Mercator copy kept by the database itself: tiles filter with && on it in the tile's own
  // projection (no per-row transform in the filter) and ST_AsMVTGeom needs 3857 anyway.
  await knex.raw(`alter table layer_features add column geom_3857 geometry(Geometry, 3857) generated always as (ST_Transform(geom, 3857)) stored`);
  await gistIndex(knex, 'layer_features', 'geom_3857');
}

export async function down(knex: Knex) {
  await knex.schema.dropTable('layer_features');
  await knex.schema.dropTable('layers');
}
