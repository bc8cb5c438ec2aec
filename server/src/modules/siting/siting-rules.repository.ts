import type { Knex } from 'knex';
import type { SitingRule } from './siting-rules.ts';

interface RuleRow {
  id: string;
  sort_order: number;
  layer_key: string | null;
  kind: 'hard' | 'soft' | null;
  when_property: string | null;
  when_equals: string | null;
  measure: 'inside' | 'outside';
  severity: SitingRule['severity'];
  severity_when_clear: SitingRule['severity'] | null;
  message: string;
  message_when_clear: string | null;
  basis: string;
  enabled: boolean;
}

export interface StoredRule extends SitingRule {
  sortOrder: number;
  enabled: boolean;
}

const fromRow = (r: RuleRow): StoredRule => ({
  id: r.id,
  sortOrder: r.sort_order,
  layer: r.layer_key,
  ...(r.kind ? { kind: r.kind } : {}),
  ...(r.when_property ? { when: { property: r.when_property, equals: r.when_equals! } } : {}),
  measure: r.measure,
  severity: r.severity,
  ...(r.severity_when_clear ? { severityWhenClear: r.severity_when_clear } : {}),
  message: r.message,
  ...(r.message_when_clear ? { messageWhenClear: r.message_when_clear } : {}),
  basis: r.basis,
  enabled: r.enabled,
});

export const toRow = (r: SitingRule, sortOrder: number) => ({
  id: r.id,
  sort_order: sortOrder,
  layer_key: r.layer,
  kind: r.layer ? null : (r.kind ?? null),
  when_property: r.when?.property ?? null,
  when_equals: r.when?.equals ?? null,
  measure: r.measure,
  severity: r.severity,
  severity_when_clear: r.severityWhenClear ?? null,
  message: r.message,
  message_when_clear: r.messageWhenClear ?? null,
  basis: r.basis,
});

export async function listRules(db: Knex): Promise<StoredRule[]> {
  return (await db('siting_rules').orderBy('sort_order').orderBy('id')).map(fromRow);
}

/** The rules the analysis applies, first match wins: enabled ones in their order. */
export async function activeRules(db: Knex): Promise<SitingRule[]> {
  return (await listRules(db)).filter((r) => r.enabled);
}

/** Inserts the default rules that are missing; never overwrites what an admin changed. */
export async function seedDefaultRules(db: Knex | Knex.Transaction, defaults: readonly SitingRule[]) {
  if (defaults.length === 0) return;
  await db('siting_rules')
    .insert(defaults.map((r, i) => toRow(r, (i + 1) * 10)))
    .onConflict('id')
    .ignore();
}

/** A rule's stored row, locked for the caller's update (the audit keeps it as the before state). */
export async function lockRule(trx: Knex.Transaction, id: string): Promise<Record<string, unknown> | undefined> {
  return trx('siting_rules').where({ id }).forUpdate().first();
}

export async function updateRule(trx: Knex.Transaction, id: string, patch: Record<string, unknown>): Promise<void> {
  await trx('siting_rules').where({ id }).update({ ...patch, updated_at: trx.fn.now() });
}

export async function ruleExists(db: Knex | Knex.Transaction, id: string): Promise<boolean> {
  return Boolean(await db('siting_rules').where({ id }).first('id'));
}

export async function insertRule(trx: Knex.Transaction, row: Record<string, unknown>): Promise<void> {
  await trx('siting_rules').insert(row);
}

/** What a rule may act on: a registry layer's kind and geometry type. */
export async function ruleTargetLayer(db: Knex | Knex.Transaction, key: string): Promise<{ kind: string; geometry_type: string; name: string } | undefined> {
  return db('layers').where({ key }).first('kind', 'geometry_type', 'name');
}
