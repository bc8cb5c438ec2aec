import { Alert, Card, Empty, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { FACTORS, OWNER_KIND_NAMES, type FactorKey } from '../../../../common/src/factors.ts';
import { balanceRows, factorHeader, factorsOf, formatAmount, monthEndBalances, type BalanceRow } from './factor-figures';
import { TrendChart } from './TrendChart';
import { useFactorAccounts, useFactorMovements } from './use-factors';

const KIND_COLOUR = { city: 'blue', county: 'green', zone: 'orange' } as Record<string, string>;

/** 余额: balances per unit × factor for a year, and one factor's month-end trend rebuilt from the ledger. */
export function BalancesTab({ year }: { year: number }) {
  const accounts = useFactorAccounts(year);
  const rows = useMemo(() => balanceRows(accounts.data ?? []), [accounts.data]);
  const factors = useMemo(() => factorsOf(accounts.data ?? []), [accounts.data]);
  const [chosen, setChosen] = useState<FactorKey | null>(null);
  const factor = chosen && factors.includes(chosen) ? chosen : (factors[0] ?? null);
  const [stacked, setStacked] = useState(true);
  const movements = useFactorMovements(factor, year);
  const trend = useMemo(() => monthEndBalances(movements.data ?? [], year), [movements.data, year]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {accounts.error && <Alert type="error" showIcon title={accounts.error.message} />}
      <Table<BalanceRow>
        data-testid="factor-balance-table"
        rowKey="key"
        size="small"
        bordered
        loading={accounts.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={`${year} 年尚无要素账户`} /> }}
        columns={[
          {
            title: '单位',
            key: 'unit',
            fixed: 'left',
            render: (_: unknown, r) => (
              <Space size={4}>
                <Tag color={KIND_COLOUR[r.owner.kind]}>{OWNER_KIND_NAMES[r.owner.kind]}</Tag>
                {r.owner.name}
              </Space>
            ),
          },
          ...factors.map((f) => ({
            title: factorHeader(f),
            key: f,
            align: 'right' as const,
            render: (_: unknown, r: BalanceRow) => {
              const v = r.balances[f];
              return (
                <span data-testid={`balance-${r.owner.code}-${f}`} data-value={v ?? ''}>
                  {v === undefined ? '—' : formatAmount(v)}
                </span>
              );
            },
          })),
        ]}
      />
      {factor && (
        <Card
          size="small"
          title={`${FACTORS[factor].name}月末余额走势（${year} 年）`}
          extra={
            <Space wrap>
              <Select<FactorKey>
                data-testid="factor-trend-factor"
                style={{ width: 220 }}
                value={factor}
                onChange={setChosen}
                options={factors.map((f) => ({ value: f, label: factorHeader(f) }))}
              />
              <Segmented value={stacked ? 'bar' : 'line'} onChange={(v) => setStacked(v === 'bar')} options={[{ value: 'bar', label: '堆叠柱状' }, { value: 'line', label: '折线' }]} />
            </Space>
          }
        >
          {movements.error ? (
            <Alert type="error" showIcon title={movements.error.message} />
          ) : movements.isPending ? (
            <div className="factor-trend-chart" />
          ) : (
            <TrendChart trend={trend} unit={FACTORS[factor].unit} stacked={stacked} />
          )}
          <Typography.Text type="secondary">各单位月末余额由台账流水逐月累计得出（不含项目账户与上级/外部账户）；当年只显示到本月。</Typography.Text>
        </Card>
      )}
    </Space>
  );
}
