import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.schema.createTable('siting_rules', (t) => {
    t.comment('Siting rules as data (精准选址规则): which layer or layer kind, which features, what is measured, severity and the Chinese message; admins edit them.');
    t.string('id', 48).primary();
    t.integer('sort_order').notNullable();
    // A layer key, or null for a default rule that applies to every layer of `kind`.
    t.string('layer_key', 64);
    t.string('kind', 8).checkIn(['hard', 'soft'], 'siting_rules_kind_check');
    t.string('when_property', 64);
    t.string('when_equals', 128);
    t.string('measure', 8).notNullable().checkIn(['inside', 'outside'], 'siting_rules_measure_check');
    t.string('severity', 12).notNullable().checkIn(['forbidden', 'adjust', 'info'], 'siting_rules_severity_check');
    t.string('severity_when_clear', 12).checkIn(['forbidden', 'adjust', 'info'], 'siting_rules_severity_clear_check');
    t.text('message').notNullable();
    t.text('message_when_clear');
    t.text('basis').notNullable().defaultTo('');
    t.boolean('enabled').notNullable().defaultTo(true);
    t.integer('updated_by').references('users.id');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check('(layer_key is null) = (kind is not null)', [], 'siting_rules_target_check');
    t.check('(when_property is null) = (when_equals is null)', [], 'siting_rules_when_check');
    t.check(`id ~ '^[a-z0-9][a-z0-9-]{0,47}$'`, [], 'siting_rules_id_check');
  });
}

export async function down(knex: Knex) {
  await knex.schema.dropTable('siting_rules');
}
