import { Alert, Card, Empty, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { useSession } from '../../auth/use-session';
import { formatAmount } from './factor-figures';
import { factorCoverage, type CoverageRow, type FactorNeeds } from './factor-coverage';
import { currentYear, useFactorAccounts } from './use-factors';
import './factors.css';

export type { FactorNeeds };

const COVERAGE: Record<CoverageRow['coverage'], { color: string; text: (r: CoverageRow) => string }> = {
  county: { color: 'green', text: () => '县级可保障' },
  'with-city': { color: 'blue', text: () => '需市级统筹' },
  gap: { color: 'red', text: (r) => `缺口 ${formatAmount(r.gap)} ${r.unit}` },
};

export interface FactorCardProps {
  /** The county-level unit the project lies in (region code, e.g. 371502). */
  countyCode: string;
  needs: FactorNeeds;
  /** The accounts' year; this year by default. */
  year?: number;
}

/** 要素保障卡: a project's needs against its county's and the city pool's balances. */
export function FactorCard({ countyCode, needs, year = currentYear() }: FactorCardProps) {
  const canRead = useSession().data?.permissions.includes('factors.read') ?? false;
  const accounts = useFactorAccounts(year, canRead);
  const rows = useMemo(() => factorCoverage(needs, accounts.data ?? [], countyCode), [needs, accounts.data, countyCode]);
  const countyName = accounts.data?.find((a) => a.owner.kind === 'county' && a.owner.code === countyCode)?.owner.name ?? '所在县';
  if (!canRead) return null;
  return (
    <Card size="small" title={`要素保障（需求与 ${year} 年余额）`} data-testid="factor-card">
      {accounts.error ? (
        <Alert type="error" showIcon title={accounts.error.message} />
      ) : (
        <Table<CoverageRow>
          rowKey="factor"
          size="small"
          pagination={false}
          loading={accounts.isPending}
          dataSource={rows}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未填写要素需求" /> }}
          columns={[
            { title: '要素', dataIndex: 'name', render: (n: string, r) => (<>{n}<div className="factor-card-unit">{r.unit}</div></>) },
            { title: '需求', dataIndex: 'need', align: 'right', render: formatAmount },
            { title: countyName, dataIndex: 'county', align: 'right', render: formatAmount },
            { title: '市统筹池', dataIndex: 'city', align: 'right', render: formatAmount },
            { title: '保障', key: 'coverage', render: (_: unknown, r) => <Tag color={COVERAGE[r.coverage].color} data-testid={`factor-card-${r.factor}`}>{COVERAGE[r.coverage].text(r)}</Tag> },
          ]}
        />
      )}
    </Card>
  );
}
