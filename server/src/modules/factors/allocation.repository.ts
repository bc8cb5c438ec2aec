import type { Knex } from 'knex';
import type { FactorKey } from '../../../../common/src/factors.ts';
import type { CalendarDay } from '../../../../common/src/working-days.ts';
import { sqlFile } from '../../db/sql-file.ts';
import type { Db } from './accounts.repository.ts';

/** The city's and every county's balance of a factor and year (funds excluded: no funding source here). */
export async function poolBalances(db: Db, factor: FactorKey, year: number): Promise<{ owner_kind: string; code: string; name: string; balance: number }[]> {
  return db('factor_accounts as a')
    .join('regions as r', 'r.id', 'a.region_id')
    .where({ 'a.factor': factor, 'a.year': year, 'a.funding_source': '' })
    .whereIn('a.owner_kind', ['city', 'county'])
    .select('a.owner_kind', 'r.code', 'r.name', 'a.balance');
}

/** Net allocated to the project per factor, every year: 分配 in minus 收回 out. */
export async function allocatedNet(db: Db, projectId: number): Promise<Map<string, number>> {
  const rows = await db('factor_movements as m')
    .join('factor_accounts as ta', 'ta.id', 'm.to_account_id')
    .join('factor_accounts as fa', 'fa.id', 'm.from_account_id')
    .where((w) => w.where({ 'm.kind': '分配', 'ta.project_id': projectId }).orWhere({ 'm.kind': '收回', 'fa.project_id': projectId }))
    .select('m.kind', 'ta.factor', 'm.amount');
  const net = new Map<string, number>();
  for (const r of rows) net.set(r.factor, (net.get(r.factor) ?? 0) + (r.kind === '分配' ? Number(r.amount) : -Number(r.amount)));
  return net;
}

export async function calendarDays(db: Db): Promise<CalendarDay[]> {
  return (await db('calendar_days').select('day', 'kind', 'name')).map((d) => ({ day: String(d.day).slice(0, 10), kind: d.kind, name: d.name }));
}

/**
 * A new draft plan for the project, numbered PZ-<year>-<serial>: the project's previous draft is
 * superseded, and the serial is counted under a transaction-scoped advisory lock so two plans made at
 * once cannot take the same number.
 */
export async function insertPlan(trx: Knex.Transaction, p: { projectId: number; year: number; items: unknown; complete: boolean; createdBy: number }): Promise<{ id: number; number: string }> {
  await trx('allocation_plans').where({ project_id: p.projectId, status: 'draft' }).update({ status: 'superseded' });
  await trx.raw(`select pg_advisory_xact_lock(hashtext('allocation_plans.number'))`);
  const serial = Number((await trx('allocation_plans').where('number', 'like', `PZ-${p.year}-%`).count({ n: '*' }).first())?.n ?? 0) + 1;
  const number = `PZ-${p.year}-${String(serial).padStart(4, '0')}`;
  const [plan] = await trx('allocation_plans').insert({ number, project_id: p.projectId, year: p.year, items: JSON.stringify(p.items), complete: p.complete, created_by: p.createdBy }).returning(['id']);
  return { id: plan.id, number };
}

export interface PlanRow {
  id: number;
  number: string;
  project_id: number;
  year: number;
  status: string;
  complete: boolean;
  items: unknown;
}

export async function findPlan(db: Db, planId: number): Promise<PlanRow | undefined> {
  return db('allocation_plans').where({ id: planId }).first();
}

/** The plan's status, locked until the approval commits (two approvals of one plan queue). */
export async function lockPlanStatus(trx: Knex.Transaction, planId: number): Promise<string> {
  return (await trx('allocation_plans').where({ id: planId }).forUpdate().first('status')).status;
}

export async function markApproved(trx: Knex.Transaction, planId: number, actorId: number) {
  await trx('allocation_plans').where({ id: planId }).update({ status: 'approved', approved_by: actorId, approved_at: trx.fn.now() });
}

export interface AllocationSource {
  id: number;
  amount: number;
  project_account: number;
  factor: string;
  year: number;
  source_account: number;
}

/** Every 分配 to the project, newest first, with the account it came from (what a recall returns to). */
export async function allocationSources(db: Db, projectId: number): Promise<AllocationSource[]> {
  const res = await db.raw(sqlFile(import.meta.url, 'allocation-sources.sql'), { projectId });
  return res.rows;
}

/** The balances of the project's accounts by account id. */
export async function projectBalances(db: Db, projectId: number): Promise<Map<number, number>> {
  return new Map((await db('factor_accounts').where({ project_id: projectId }).select('id', 'balance')).map((a) => [a.id, Number(a.balance)]));
}
