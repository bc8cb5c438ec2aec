import type { Knex } from 'knex';
import { z } from 'zod';
import type { FactorRule } from '../../../../common/src/factors.ts';
import { notFoundOrNoAccess } from '../../http/app-error.ts';
import { assertCan } from '../../policy/access.policy.ts';
import type { Actor } from '../../policy/actor.ts';
import { assertCanManageRules } from '../../policy/factor.policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { listRules, lockRule, updateRule } from './rules.repository.ts';

/** What the city command may change in a pooling rule: the share and whether it applies. */
export const ruleChangeSchema = z.strictObject(
  {
    cityShare: z.number({ error: '市级统筹比例须为 0 到 1 之间的数字' }).min(0, '市级统筹比例须为 0 到 1 之间的数字').max(1, '市级统筹比例须为 0 到 1 之间的数字')
      .refine((x) => Math.abs(Math.round(x * 1e4) / 1e4 - x) < 1e-9, '市级统筹比例最多保留 4 位小数').optional(),
    enabled: z.boolean({ error: 'enabled 须为 true 或 false' }).optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? '只能修改 cityShare、enabled' : undefined) },
);

/** Pooling rules (Art. 17/18) as configuration; changes are audited and apply to the next movement. */
export class FactorRulesService {
  constructor(private readonly db: Knex) {}

  async list(actor: Actor): Promise<FactorRule[]> {
    assertCan(actor, 'factors.read', '要素统筹规则');
    return listRules(this.db);
  }

  async update(actor: Actor, id: string, change: z.infer<typeof ruleChangeSchema>, ip: string | null): Promise<FactorRule> {
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
