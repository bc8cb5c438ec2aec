import type { Knex } from 'knex';

/**
 * 用户管理 (issue 11, item 16): a one-time password must be changed at the next login, and the last
 * five password hashes are kept so a change cannot go back to one of them.
 */
export async function up(knex: Knex) {
  await knex.schema.alterTable('users', (t) => {
    t.boolean('must_change_password').notNullable().defaultTo(false);
  });
  await knex.schema.createTable('password_history', (t) => {
    t.comment('Earlier password hashes of each user (argon2id), newest first by id; only the last five are kept.');
    t.increments('id');
    t.integer('user_id').notNullable().references('users.id').onDelete('cascade');
    t.text('password_hash').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['user_id']);
  });
}

export async function down(knex: Knex) {
  await knex.schema.dropTable('password_history');
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('must_change_password');
  });
}
