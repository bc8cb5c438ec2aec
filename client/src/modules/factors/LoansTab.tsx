import { Alert, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { FACTORS, type FactorKey, type FactorLoan } from '../../../../common/src/factors.ts';
import { formatAmount } from './factor-figures';
import { chinaToday, useFactorLoans } from './use-factors';

/** 拆借: open loans with what is still owed, overdue ones flagged (judged on a chosen date, today by default). */
export function LoansTab() {
  const [asOf, setAsOf] = useState(chinaToday());
  const loans = useFactorLoans(asOf);
  const overdue = (loans.data ?? []).filter((l) => l.overdue);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space>
        <Typography.Text>判定日期</Typography.Text>
        <Input type="date" value={asOf} onChange={(e) => e.target.value && setAsOf(e.target.value)} style={{ width: 160 }} data-testid="loans-as-of" />
        <Typography.Text type="secondary">未还清且已过归还日期的拆借记为逾期。</Typography.Text>
      </Space>
      {loans.error && <Alert type="error" showIcon title={loans.error.message} />}
      {overdue.length > 0 && <Alert type="error" showIcon data-testid="loans-overdue-alert" title={`截至 ${asOf}，有 ${overdue.length} 笔拆借逾期未还`} />}
      <Table<FactorLoan>
        data-testid="factor-loans-table"
        rowKey="movementId"
        size="small"
        loading={loans.isPending}
        dataSource={loans.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '没有未还清的拆借' }}
        rowClassName={(l) => (l.overdue ? 'factor-loan-overdue' : '')}
        columns={[
          { title: '文号', dataIndex: 'documentNo' },
          { title: '要素', dataIndex: 'factor', render: (f: FactorKey) => FACTORS[f].name },
          { title: '出借方', key: 'lender', render: (_: unknown, l) => l.lender.name },
          { title: '借入方', key: 'borrower', render: (_: unknown, l) => l.borrower.name },
          { title: '拆借数量', dataIndex: 'amount', align: 'right', render: (x: number, l) => `${formatAmount(x)} ${l.unit}` },
          { title: '已归还', dataIndex: 'repaid', align: 'right', render: (x: number, l) => `${formatAmount(x)} ${l.unit}` },
          { title: '未还', dataIndex: 'outstanding', align: 'right', render: (x: number, l) => `${formatAmount(x)} ${l.unit}` },
          { title: '归还日期', dataIndex: 'dueDate' },
          {
            title: '状态',
            key: 'state',
            render: (_: unknown, l) =>
              l.overdue ? (
                <Tag color="red" data-testid="loan-overdue">
                  逾期 {l.overdueDays} 天
                </Tag>
              ) : (
                <Tag color="green">未到期</Tag>
              ),
          },
        ]}
      />
    </Space>
  );
}
