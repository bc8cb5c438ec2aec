import type { Knex } from 'knex';
import type { FactorKey, FactorLoan, OwnerKind } from '../../../../common/src/factors.ts';
import { sqlFile } from '../../db/sql-file.ts';
import { ownerOf, type Db } from './accounts.repository.ts';
import { pgArray } from '../../db/pg-array.ts';

export interface LoanState {
  fromAccountId: number;
  toAccountId: number;
  amount: number;
  repaid: number;
}

/**
 * A loan (拆借) and what has been repaid on it, one statement. Read under the borrower's account lock and
 * in a statement of its own after the lock was taken: READ COMMITTED gives it a snapshot that includes a
 * repayment committed by the writer the lock waited for (a statement that waited on a row lock keeps its
 * older snapshot for every other table).
 */
export async function loanState(trx: Knex.Transaction, loanId: number): Promise<LoanState | undefined> {
  const res = await trx.raw(
    `select l.from_account_id, l.to_account_id, l.amount,
            (select coalesce(sum(x.amount), 0) from factor_movements x where x.related_movement_id = l.id and x.kind = '归还') as repaid
     from factor_movements l where l.id = :loanId::bigint and l.kind = '拆借'`,
    { loanId },
  );
  const loan = res.rows[0];
  if (!loan) return undefined;
  return { fromAccountId: loan.from_account_id as number, toAccountId: loan.to_account_id as number, amount: Number(loan.amount), repaid: Number(loan.repaid ?? 0) };
}

interface LoanRow {
  movement_id: string | number;
  factor: FactorKey;
  year: number;
  unit: string;
  amount: number;
  due_date: string;
  document_no: string;
  repaid: number;
  outstanding: number;
  lender_kind: OwnerKind;
  lender_code: string;
  lender_name: string;
  borrower_kind: OwnerKind;
  borrower_code: string;
  borrower_name: string;
  overdue_days: number;
}

export async function listLoans(db: Db, factors: readonly FactorKey[], o: { asOf: string; openOnly: boolean; overdueOnly: boolean }): Promise<FactorLoan[]> {
  const res = await db.raw(sqlFile(import.meta.url, 'loans.sql'), { factors: pgArray(factors), ...o });
  return (res.rows as LoanRow[]).map((r) => ({
    movementId: Number(r.movement_id),
    factor: r.factor,
    year: r.year,
    unit: r.unit,
    lender: ownerOf(r.lender_kind, r.lender_code, r.lender_name),
    borrower: ownerOf(r.borrower_kind, r.borrower_code, r.borrower_name),
    amount: Number(r.amount),
    repaid: Number(r.repaid),
    outstanding: Number(r.outstanding),
    dueDate: r.due_date,
    overdue: Number(r.outstanding) > 0 && Number(r.overdue_days) > 0,
    overdueDays: Number(r.overdue_days),
    documentNo: r.document_no,
  }));
}
