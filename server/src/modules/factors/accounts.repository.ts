import type { Knex } from 'knex';
import { EXTERNAL_CODE, FACTORS, OWNER_KIND_NAMES, type AccountOwner, type FactorAccount, type FactorKey, type OwnerKind } from '../../../../common/src/factors.ts';
import { sqlFile } from '../../db/sql-file.ts';
import { pgArray } from '../../db/pg-array.ts';

export type Db = Knex | Knex.Transaction;

export interface AccountRow {
  id: number;
  factor: FactorKey;
  owner_kind: OwnerKind;
  region_id: number | null;
  project_id: number | null;
  year: number;
  unit: string;
  funding_source: string;
  balance: number;
  owner_code: string | null;
  owner_name: string | null;
  project_region_id: number | null;
}

export interface Visibility {
  factors: readonly FactorKey[];
  projectRegionId: number | null;
}

/** The region or project behind an account (neither for the external account). */
export interface OwnerIdentity {
  kind: OwnerKind;
  regionId: number | null;
  projectId: number | null;
}


export const ownerOf = (kind: OwnerKind, code: string | null, name: string | null): AccountOwner =>
  kind === 'external' ? { kind, code: EXTERNAL_CODE, name: OWNER_KIND_NAMES.external } : { kind, code: code ?? '', name: name ?? '' };

export const accountOwner = (r: AccountRow) => ownerOf(r.owner_kind, r.owner_code, r.owner_name);
export const accountLabel = (r: AccountRow) => `${accountOwner(r).name}${FACTORS[r.factor].name}（${r.year}年${r.funding_source ? `，${r.funding_source}` : ''}）`;

export const toAccount = (r: AccountRow): FactorAccount => ({
  id: r.id,
  factor: r.factor,
  factorName: FACTORS[r.factor].name,
  owner: accountOwner(r),
  year: r.year,
  unit: r.unit,
  fundingSource: r.funding_source,
  balance: Number(r.balance),
});

export interface AccountFilter {
  factor?: string;
  ownerKind?: string;
  year?: number;
  region?: string;
  ids?: number[];
  ownerCode?: string;
  fundingSource?: string;
}

export async function listAccounts(db: Db, visibility: Visibility, f: AccountFilter = {}): Promise<AccountRow[]> {
  const res = await db.raw(sqlFile(import.meta.url, 'accounts.sql'), {
    factors: pgArray(visibility.factors),
    projectRegionId: visibility.projectRegionId,
    factor: f.factor ?? null,
    ownerKind: f.ownerKind ?? null,
    year: f.year ?? null,
    region: f.region ?? null,
    ids: f.ids ? pgArray(f.ids) : null,
    ownerCode: f.ownerCode ?? null,
    fundingSource: f.fundingSource ?? null,
  });
  return res.rows;
}

/** An account to open: its identity (factor × owner × year × funding source). */
export interface AccountIdentity {
  factor: FactorKey;
  owner: OwnerIdentity;
  year: number;
  fundingSource: string;
}

/**
 * Opens accounts at balance 0 (create on first use) and returns their ids in the order asked, one
 * statement. ON CONFLICT on the identity index makes two requests opening the same account at once meet
 * on one row; the loser's statement waited for the winner but its snapshot predates the winner's commit,
 * so an account it could neither insert nor see is read once more in a new statement.
 */
export async function openAccounts(trx: Knex.Transaction, accounts: readonly AccountIdentity[]): Promise<number[]> {
  if (accounts.length === 0) return [];
  const wanted = accounts.map((a, ord) => ({
    ord, factor: a.factor, owner_kind: a.owner.kind, region_id: a.owner.regionId, project_id: a.owner.projectId, year: a.year, unit: FACTORS[a.factor].unit, funding_source: a.fundingSource,
  }));
  const res = await trx.raw(sqlFile(import.meta.url, 'open-accounts.sql'), { accounts: JSON.stringify(wanted) });
  const ids = new Map<number, number | null>(res.rows.map((r: { ord: number; id: number | null }) => [r.ord, r.id]));
  const out: number[] = [];
  for (const [ord, a] of accounts.entries()) {
    const id = ids.get(ord) ?? (await trx('factor_accounts').where({
      factor: a.factor, owner_kind: a.owner.kind, region_id: a.owner.regionId, project_id: a.owner.projectId, year: a.year, funding_source: a.fundingSource,
    }).first('id'))?.id;
    out.push(id);
  }
  return out;
}
