import { useQuery } from '@tanstack/react-query';
import { fetchAllMovements, fetchFactorAccounts, fetchFactorLoans, type FactorKey } from '../../api/factors.api';

/** Today in China as YYYY-MM-DD, the ledger's calendar. */
export const chinaToday = (now = new Date()) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
export const currentYear = () => Number(chinaToday().slice(0, 4));

/** `enabled` false for users without factors.read, or while nothing shows the figures (no request, no 403). */
export const useFactorAccounts = (year: number, enabled = true) => useQuery({ queryKey: ['factors', 'accounts', year], queryFn: () => fetchFactorAccounts({ year }), enabled });

/** The whole ledger of one factor's accounts of a year (the trend is rebuilt from it). */
export const useFactorMovements = (factor: FactorKey | null, year: number) =>
  useQuery({ queryKey: ['factors', 'movements-all', factor, year], queryFn: () => fetchAllMovements({ factor: factor!, year }), enabled: factor !== null });

export const useFactorLoans = (asOf: string, overdueOnly = false) =>
  useQuery({ queryKey: ['factors', 'loans', asOf, overdueOnly], queryFn: () => fetchFactorLoans({ asOf, overdue: overdueOnly }) });
