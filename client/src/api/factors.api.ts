import type { AccountQuery, FactorAccount, FactorKey, FactorLoan, FactorMovement, MovementKind, MovementPage, MovementQuery, OwnerKind } from '../../../common/src/contract/factors.contract.ts';
import { http } from './http-client';

export type { AccountQuery, FactorAccount, FactorKey, FactorLoan, FactorMovement, MovementKind, MovementPage, MovementQuery, OwnerKind };

/** The server's largest page. */
export const MAX_PAGE_SIZE = 500;

function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const fetchFactorAccounts = (q: AccountQuery = {}) => http.get<FactorAccount[]>(`/api/factors/accounts${queryString({ ...q })}`);

export const fetchMovementPage = (q: MovementQuery, page: number, pageSize: number) =>
  http.get<MovementPage>(`/api/factors/movements${queryString({ ...q, page, pageSize })}`);

/** Every movement matching the filter, newest first, one server page (500) at a time. */
export async function fetchAllMovements(q: MovementQuery): Promise<FactorMovement[]> {
  const all: FactorMovement[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await fetchMovementPage(q, page, MAX_PAGE_SIZE);
    all.push(...items);
    if (items.length < MAX_PAGE_SIZE || all.length >= total) return all;
  }
}

/** Open loans (拆借 with an outstanding amount), judged overdue as of the given date (default: today in China). */
export const fetchFactorLoans = (o: { overdue?: boolean; asOf?: string } = {}) =>
  http.get<FactorLoan[]>(`/api/factors/loans${queryString({ overdue: o.overdue ? 'true' : undefined, asOf: o.asOf })}`);
