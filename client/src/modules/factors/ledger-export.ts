import { FACTORS, type FactorMovement } from '../../../../common/src/factors.ts';

export interface LedgerSheet {
  header: string[];
  rows: (string | number | null)[][];
}

const ownerText = (o: FactorMovement['from']['owner']) => (o.kind === 'project' ? `${o.name}（${o.code}）` : o.name);
const chinaTime = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

/**
 * The ledger as a sheet: Chinese headers, amounts as numbers. When every movement is in one unit the
 * unit goes into the amount's header; otherwise a 单位 column follows the amount.
 */
export function ledgerSheet(movements: readonly FactorMovement[]): LedgerSheet {
  const units = [...new Set(movements.map((m) => m.unit))];
  const oneUnit = units.length === 1 ? units[0] : null;
  const header = ['序号', '记账时间', '业务类型', '要素', '年度', '资金来源', '转出方', '转入方', oneUnit ? `数量（${oneUnit}）` : '数量', ...(oneUnit ? [] : ['单位']), '价款（万元）', '归还日期', '文号', '事由', '经办人'];
  const rows = movements.map((m) => [
    m.id,
    chinaTime(m.createdAt),
    m.kind,
    FACTORS[m.factor].name,
    m.year,
    m.fundingSource || null,
    ownerText(m.from.owner),
    ownerText(m.to.owner),
    m.amount,
    ...(oneUnit ? [] : [m.unit]),
    m.priceWan,
    m.dueDate,
    m.documentNo,
    m.reason,
    m.operator,
  ]);
  return { header, rows };
}

/** 要素台账-2026-11-26.xlsx */
export const ledgerFileName = (today: string) => `要素台账-${today}.xlsx`;
