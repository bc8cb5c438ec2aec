import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.schema.alterTable('layers', (t) => {
    // Below this zoom the layer's tiles are empty: a dense layer (10^6 farmland patches) would
    // otherwise put hundreds of thousands of features into one low-zoom tile. Kept by refreshLayerStats().
    t.integer('min_zoom').notNullable().defaultTo(0);
    t.check('min_zoom between 0 and 22', [], 'layers_min_zoom_check');
  });
}

export async function down(knex: Knex) {
  await knex.schema.alterTable('layers', (t) => {
    t.dropChecks(['layers_min_zoom_check']);
    t.dropColumn('min_zoom');
  });
}
