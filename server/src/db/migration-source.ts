import { readdirSync } from 'node:fs';
import type { Knex } from 'knex';

const dir = new URL('./migrations/', import.meta.url);

/**
 * Migrations are TypeScript modules named by time and action (2026-11-26-1200-create-projects.ts);
 * the file name order is the apply order. Loaded with dynamic import so the same code runs under tsx
 * and vitest on both engines.
 */
export const migrationSource: Knex.MigrationSource<string> = {
  async getMigrations() {
    return listMigrations();
  },
  getMigrationName(name) {
    return name;
  },
  async getMigration(name) {
    return import(new URL(`${name}.ts`, dir).href);
  },
};

export function listMigrations(): string[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}-\d{2}-\d{2}-\d{4}-[a-z0-9-]+\.ts$/.test(f))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
}

export async function migrate(knex: Knex): Promise<string> {
  await knex.migrate.latest({ migrationSource });
  return schemaVersion();
}

/** The newest migration's name: the schema version reported by /api/health. */
export function schemaVersion(): string {
  return listMigrations().at(-1) ?? 'none';
}
