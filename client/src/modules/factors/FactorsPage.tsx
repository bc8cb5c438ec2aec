import { Alert, Button, Card, Select, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/use-session';
import { BalancesTab } from './BalancesTab';
import { LedgerTab } from './LedgerTab';
import { LoansTab } from './LoansTab';
import { chinaToday, currentYear, useFactorLoans } from './use-factors';
import './factors.css';

/** 要素保障: balances with their monthly trend, the ledger with its export, and the loans (拆借). */
export function FactorsPage() {
  const session = useSession().data;
  const [year, setYear] = useState(currentYear);
  const [tab, setTab] = useState('balances');
  // Overdue loans are the city command's to chase (Art. 18): flagged on top of the page for it.
  const isCommand = session?.scope.level === 'city' && session.permissions.includes('factors.manage');
  const overdue = useFactorLoans(chinaToday(), true);
  const overdueCount = isCommand ? (overdue.data?.length ?? 0) : 0;
  const years = [currentYear() - 2, currentYear() - 1, currentYear(), currentYear() + 1];

  return (
    <div className="factors-page" data-testid="factors-page">
      <Card
        title="要素保障"
        extra={
          <Space>
            年度
            <Select value={year} onChange={setYear} style={{ width: 100 }} data-testid="factors-year" options={years.map((y) => ({ value: y, label: `${y} 年` }))} />
          </Space>
        }
      >
        {overdueCount > 0 && (
          <Alert
            className="factors-overdue"
            type="warning"
            showIcon
            data-testid="factors-overdue-flag"
            title={`有 ${overdueCount} 笔要素拆借逾期未还，请督促归还`}
            action={
              <Button size="small" onClick={() => setTab('loans')}>
                查看
              </Button>
            }
          />
        )}
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'balances', label: '余额与走势', children: <BalancesTab year={year} /> },
            { key: 'ledger', label: '台账', children: <LedgerTab year={year} /> },
            { key: 'loans', label: overdueCount ? `拆借（${overdueCount} 笔逾期）` : '拆借', children: <LoansTab /> },
          ]}
        />
      </Card>
    </div>
  );
}
