import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.schema.createTable('roles', (t) => {
    t.comment('Roles as data: what each may do (permissions) and how far its scope reaches; checked in one policy module.');
    t.string('key', 32).primary();
    t.string('name', 32).notNullable().unique();
    t.text('description').notNullable().defaultTo('');
    // city: the whole city; county: the user's county-level unit; department: the user's department.
    t.string('scope_kind', 12).notNullable().checkIn(['city', 'county', 'department'], 'roles_scope_kind_check');
    // 三权分立: system admin, security admin and auditor carry different duties; a user holds at most one of them.
    t.string('duty', 12).checkIn(['system', 'security', 'audit'], 'roles_duty_check');
    t.specificType('permissions', 'text[]').notNullable().defaultTo('{}');
    t.integer('sort_order').notNullable().defaultTo(0);
  });

  await knex.schema.createTable('users', (t) => {
    t.comment('Accounts: one person each, with a home region or department that bounds their scope.');
    t.increments('id');
    t.string('username', 32).notNullable();
    t.string('display_name', 64).notNullable();
    t.text('password_hash').notNullable();
    t.integer('region_id').references('regions.id');
    t.integer('department_id').references('departments.id');
    t.string('status', 12).notNullable().defaultTo('active').checkIn(['active', 'disabled'], 'users_status_check');
    t.integer('failed_logins').notNullable().defaultTo(0);
    t.timestamp('locked_until', { useTz: true });
    t.timestamp('password_changed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check('failed_logins >= 0', [], 'users_failed_logins_check');
    t.check(`username ~ '^[a-z][a-z0-9_.-]{1,31}$'`, [], 'users_username_check');
  });
  await knex.raw('create unique index users_username_lower_unique on users (lower(username))');

  await knex.schema.createTable('user_roles', (t) => {
    t.comment('Which roles a user holds.');
    t.integer('user_id').notNullable().references('users.id').onDelete('cascade');
    t.string('role_key', 32).notNullable().references('roles.key');
    t.primary(['user_id', 'role_key']);
  });

  await knex.schema.createTable('sessions', (t) => {
    t.comment('Login sessions kept in the database so that several server processes behave as one.');
    // SHA-256 of the cookie token: a leaked table does not leak usable session ids.
    t.string('id_hash', 64).primary();
    t.integer('user_id').notNullable().references('users.id').onDelete('cascade');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('revoked_at', { useTz: true });
    t.string('ip', 64);
    t.string('user_agent', 256);
    t.index(['user_id']);
  });
}

export async function down(knex: Knex) {
  for (const table of ['sessions', 'user_roles', 'users', 'roles']) await knex.schema.dropTable(table);
}
