import type { Knex } from 'knex';
import type { z } from 'zod';
import type { sitingRuleChangeSchema, sitingRuleCreateSchema } from '../../../../common/src/contract/siting.contract.ts';
import { badRequest, notFoundOrNoAccess } from '../../http/app-error.ts';
import { assertCan, can } from '../../policy/access.policy.ts';
import type { Actor } from '../../policy/actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { insertRule, listRules, lockRule, ruleExists, ruleTargetLayer, toRow, updateRule, type StoredRule } from './siting-rules.repository.ts';

export class SitingRulesService {
  constructor(private readonly db: Knex) {}

  /** Siting users read the rules their analysis applies; rule admins read what they edit. */
  async list(actor: Actor): Promise<StoredRule[]> {
    if (!can(actor, 'rules.manage')) assertCan(actor, 'siting.use', '精准选址规则');
    return listRules(this.db);
  }

  async update(actor: Actor, id: string, change: z.infer<typeof sitingRuleChangeSchema>, ip: string | null): Promise<StoredRule> {
    assertCan(actor, 'rules.manage', '规则管理');
    return this.db.transaction(async (trx) => {
      const before = await lockRule(trx, id);
      if (!before) throw notFoundOrNoAccess('选址规则');
      const patch: Record<string, unknown> = { updated_by: actor.id };
      if (change.severity !== undefined) patch.severity = change.severity;
      if (change.severityWhenClear !== undefined) patch.severity_when_clear = change.severityWhenClear;
      if (change.message !== undefined) patch.message = change.message;
      if (change.messageWhenClear !== undefined) patch.message_when_clear = change.messageWhenClear;
      if (change.basis !== undefined) patch.basis = change.basis;
      if (change.enabled !== undefined) patch.enabled = change.enabled;
      if (change.sortOrder !== undefined) patch.sort_order = change.sortOrder;
      if (change.when !== undefined) {
        patch.when_property = change.when?.property ?? null;
        patch.when_equals = change.when?.equals ?? null;
      }
      await updateRule(trx, id, patch);
      await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: 'siting_rule.update', entityKind: 'siting_rule', entityId: id, detail: { before, change }, ip });
      return (await listRules(trx)).find((r) => r.id === id)!;
    });
  }

  async create(actor: Actor, input: z.infer<typeof sitingRuleCreateSchema>, ip: string | null): Promise<StoredRule> {
    assertCan(actor, 'rules.manage', '规则管理');
    return this.db.transaction(async (trx) => {
      const layer = await ruleTargetLayer(trx, input.layer);
      if (!layer) throw badRequest(`图层 ${input.layer} 不存在`);
      if (!['hard', 'soft'].includes(layer.kind) || layer.geometry_type !== 'polygon') {
        throw badRequest(`规则只能作用于刚性或弹性约束的面图层，“${layer.name}”不是`);
      }
      if (await ruleExists(trx, input.id)) throw badRequest(`规则编号 ${input.id} 已存在`);
      await insertRule(trx, { ...toRow({ ...input, layer: input.layer }, input.sortOrder), updated_by: actor.id });
      await recordAudit(trx, { actorId: actor.id, actorUsername: actor.username, action: 'siting_rule.create', entityKind: 'siting_rule', entityId: input.id, detail: { input }, ip });
      return (await listRules(trx)).find((r) => r.id === input.id)!;
    });
  }
}
