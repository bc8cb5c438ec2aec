import type { Knex } from 'knex';
import type { FactorKey, FactorRule, MovementKind, OwnerKind } from '../../../../common/src/factors.ts';
import type { Db } from './accounts.repository.ts';

export interface RuleRow {
  id: string;
  name: string;
  movement_kind: MovementKind;
  from_owner_kind: OwnerKind;
  to_owner_kind: OwnerKind;
  factors: FactorKey[];
  city_share: number;
  enabled: boolean;
  basis: string;
}

export const toRule = (r: RuleRow): FactorRule => ({
  id: r.id,
  name: r.name,
  movementKind: r.movement_kind,
  fromOwnerKind: r.from_owner_kind,
  toOwnerKind: r.to_owner_kind,
  factors: r.factors,
  cityShare: Number(r.city_share),
  enabled: r.enabled,
  basis: r.basis,
});

export async function listRules(db: Db): Promise<FactorRule[]> {
  return (await db('factor_rules').orderBy('id')).map(toRule);
}

/** A rule's current share and switch, locked until the change commits (two edits queue). */
export async function lockRule(trx: Knex.Transaction, id: string): Promise<{ city_share: number; enabled: boolean } | undefined> {
  return trx('factor_rules').where({ id }).forUpdate().first('city_share', 'enabled');
}

export async function updateRule(trx: Knex.Transaction, id: string, change: { cityShare?: number; enabled?: boolean }, actorId: number) {
  const patch: Record<string, unknown> = { updated_by: actorId, updated_at: trx.fn.now() };
  if (change.cityShare !== undefined) patch.city_share = change.cityShare;
  if (change.enabled !== undefined) patch.enabled = change.enabled;
  await trx('factor_rules').where({ id }).update(patch);
}
