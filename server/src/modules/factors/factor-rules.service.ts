import type { Knex } from 'knex';
import type { z } from 'zod';
import type { factorRuleChangeSchema } from '../../../../common/src/contract/factors.contract.ts';
import type { FactorRule } from '../../../../common/src/factors.ts';
import { notFoundOrNoAccess } from '../../http/app-error.ts';
import { assertCan } from '../../policy/access.policy.ts';
import type { Actor } from '../../policy/actor.ts';
import { assertCanManageRules } from '../../policy/factor.policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { listRules, lockRule, updateRule } from './rules.repository.ts';

/** Pooling rules (Art. 17/18) as configuration; changes are audited and apply to the next movement. */
export class FactorRulesService {
  constructor(private readonly db: Knex) {}

  async list(actor: Actor): Promise<FactorRule[]> {
    assertCan(actor, 'factors.read', '要素统筹规则');
    return listRules(this.db);
  }

  async update(actor: Actor, id: string, change: z.infer<typeof factorRuleChangeSchema>, ip: string | null): Promise<FactorRule> {
    assertCanManageRules(actor);
    return this.db.transaction(async (trx) => {
      const before = await lockRule(trx, id);
      if (!before) throw notFoundOrNoAccess('要素统筹规则');
      await updateRule(trx, id, change, actor.id);
      await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: 'factor_rule.update', entityKind: 'factor_rule', entityId: id, detail: { before, change }, ip });
      return (await listRules(trx)).find((r) => r.id === id)!;
    });
  }
}
