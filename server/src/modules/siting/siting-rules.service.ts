import type { Knex } from 'knex';
import { z } from 'zod';
import { badRequest, notFoundOrNoAccess } from '../../http/app-error.ts';
import { assertCan, can } from '../../policy/access.policy.ts';
import type { Actor } from '../../policy/actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { insertRule, listRules, lockRule, ruleExists, ruleTargetLayer, toRow, updateRule, type StoredRule } from './siting-rules.repository.ts';

const severity = z.enum(['forbidden', 'adjust', 'info'], { error: '严重程度须为 forbidden（禁止）、adjust（需调整）或 info（提示）' });
const message = z.string().trim().min(4, '提示信息至少 4 个字').max(500, '提示信息最多 500 字');

/** Fields an admin may change; the id and target of a rule stay (make a new rule for another layer). */
export const ruleChangeSchema = z.strictObject(
  {
    severity: severity.optional(),
    severityWhenClear: severity.nullable().optional(),
    message: message.optional(),
    messageWhenClear: message.nullable().optional(),
    basis: z.string().trim().max(200, '依据最多 200 字').optional(),
    enabled: z.boolean({ error: 'enabled 须为 true 或 false' }).optional(),
    when: z.object({ property: z.string().trim().min(1).max(64), equals: z.string().trim().min(1).max(128) }, { error: '条件须为 { property, equals }' }).nullable().optional(),
    sortOrder: z.number().int().min(0).max(100000).optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? '只能修改 severity、severityWhenClear、message、messageWhenClear、basis、enabled、when、sortOrder' : undefined) },
);

export const ruleCreateSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, '规则编号只能含小写字母、数字和连字符'),
  layer: z.string().min(1, '请指定图层'),
  when: z.object({ property: z.string().trim().min(1).max(64), equals: z.string().trim().min(1).max(128) }).optional(),
  measure: z.enum(['inside', 'outside'], { error: 'measure 须为 inside（占用部分）或 outside（位于图层外的部分）' }),
  severity,
  message,
  basis: z.string().trim().max(200).default(''),
  sortOrder: z.number().int().min(0).max(100000).default(5),
});

export class SitingRulesService {
  constructor(private readonly db: Knex) {}

  /** Siting users read the rules their analysis applies; rule admins read what they edit. */
  async list(actor: Actor): Promise<StoredRule[]> {
    if (!can(actor, 'rules.manage')) assertCan(actor, 'siting.use', '精准选址规则');
    return listRules(this.db);
  }

  async update(actor: Actor, id: string, change: z.infer<typeof ruleChangeSchema>, ip: string | null): Promise<StoredRule> {
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

  async create(actor: Actor, input: z.infer<typeof ruleCreateSchema>, ip: string | null): Promise<StoredRule> {
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
