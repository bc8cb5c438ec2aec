import { z } from 'zod';
import { isoDateSchema } from '../factors.ts';
import { routeTable } from './route.ts';

const day = isoDateSchema('日期须为有效日期 YYYY-MM-DD');

/** GET /api/audit */
export const auditQuery = z.object({
  actor: z.string().trim().max(32).optional(),
  action: z.string().trim().max(48).optional(),
  entityKind: z.string().trim().max(32).optional(),
  entityId: z.string().trim().max(64).optional(),
  from: day.optional(),
  to: day.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export interface AuditEntry {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  entityKind: string;
  entityId: string | null;
  detail: unknown;
  ip: string | null;
}

/** GET /api/audit */
export interface AuditPage {
  total: number;
  items: AuditEntry[];
}

/** GET /api/audit/verify: the hash chain checked from the first row to the head. */
export interface AuditVerification {
  ok: boolean;
  rows: number;
  /** The first row that no longer matches its hash or link; or, when rows were cut off the end, the head's id. */
  firstBrokenId: number | null;
  reason: 'changed' | 'truncated' | null;
  headId: number | null;
  checkedAt: string;
}

export const auditRoutes = routeTable('audit', [
  { method: 'get', path: '/api/audit/verify', summary: '审计日志完整性校验（哈希链：逐条重算并核对链头）', response: { status: 200, description: 'AuditVerification { ok, rows, firstBrokenId }' }, errors: [401, 403] },
  { method: 'get', path: '/api/audit', summary: '审计日志查询（安全审计员）：账号、操作前缀、对象、日期', query: auditQuery, response: { status: 200, description: 'AuditPage { total, items }' }, errors: [400, 401, 403] },
]);
