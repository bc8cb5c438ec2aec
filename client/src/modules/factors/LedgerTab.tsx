import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { FACTOR_KEYS, FACTORS, MOVEMENT_KINDS, type FactorKey, type FactorMovement, type MovementKind } from '../../../../common/src/factors.ts';
import { fetchAllMovements, fetchMovementPage, type MovementQuery } from '../../api/factors.api';
import { balanceRows, factorHeader, formatAmount } from './factor-figures';
import { ledgerFileName, ledgerSheet } from './ledger-export';
import { chinaToday, useFactorAccounts } from './use-factors';

interface Filters {
  factor?: FactorKey;
  kind?: MovementKind;
  region?: string;
  dateFrom?: string;
  dateTo?: string;
  documentNo?: string;
}

const PAGE_SIZE = 20;
const ownerText = (o: FactorMovement['from']['owner']) => (o.kind === 'project' ? `${o.name}（${o.code}）` : o.name);
const chinaTime = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const matchesDocument = (no: string | undefined) => (m: FactorMovement) => !no || m.documentNo.includes(no);

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * 台账: the movements of a year, filtered and paged by the server. The document number is matched here
 * (the ledger API has no such filter): with one given, the matching movements are read in full and paged locally.
 */
export function LedgerTab({ year }: { year: number }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);
  const units = balanceRows(useFactorAccounts(year).data ?? []);

  const { documentNo, ...rest } = filters;
  // react-query hashes keys by value: a fresh object per render is the same key.
  const query: MovementQuery = { ...rest, year };
  const paged = useQuery({ queryKey: ['factors', 'ledger', query, page], queryFn: () => fetchMovementPage(query, page, PAGE_SIZE), enabled: !documentNo });
  const byDocument = useQuery({
    queryKey: ['factors', 'ledger-doc', query, documentNo],
    queryFn: async () => (await fetchAllMovements(query)).filter(matchesDocument(documentNo)),
    enabled: !!documentNo,
  });
  const items = documentNo ? (byDocument.data ?? []).slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) : (paged.data?.items ?? []);
  const total = documentNo ? (byDocument.data?.length ?? 0) : (paged.data?.total ?? 0);
  const active = documentNo ? byDocument : paged;

  const apply = (v: Filters) => {
    const clean = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== '')) as Filters;
    if (clean.documentNo) clean.documentNo = clean.documentNo.trim();
    if (clean.dateFrom && clean.dateTo && clean.dateFrom > clean.dateTo) {
      message.error('开始日期不能晚于结束日期');
      return;
    }
    setFilters(clean);
    setPage(1);
  };

  const exportExcel = async () => {
    setExporting(true);
    try {
      const all = (await fetchAllMovements(query)).filter(matchesDocument(documentNo));
      if (all.length === 0) {
        message.info('没有符合条件的台账记录可导出');
        return;
      }
      const { ledgerWorkbook } = await import('./ledger-xlsx');
      download(await ledgerWorkbook(ledgerSheet(all)), ledgerFileName(chinaToday()));
      message.success(`已导出 ${all.length} 条台账记录`);
    } catch (e) {
      message.error(`导出失败：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Form form={form} layout="inline" onFinish={apply} className="factor-ledger-filters" data-testid="factor-ledger-filters">
        <Form.Item name="factor" label="要素">
          <Select allowClear placeholder="全部" style={{ width: 200 }} data-testid="ledger-filter-factor" options={FACTOR_KEYS.map((f) => ({ value: f, label: factorHeader(f) }))} />
        </Form.Item>
        <Form.Item name="kind" label="业务类型">
          <Select allowClear placeholder="全部" style={{ width: 110 }} data-testid="ledger-filter-kind" options={MOVEMENT_KINDS.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <Form.Item name="region" label="单位">
          <Select allowClear showSearch optionFilterProp="label" placeholder="全部" style={{ width: 170 }} data-testid="ledger-filter-unit" options={units.map((u) => ({ value: u.owner.code, label: u.owner.name }))} />
        </Form.Item>
        <Form.Item name="dateFrom" label="记账日期">
          <Input type="date" style={{ width: 150 }} data-testid="ledger-filter-from" />
        </Form.Item>
        <Form.Item name="dateTo" label="至">
          <Input type="date" style={{ width: 150 }} data-testid="ledger-filter-to" />
        </Form.Item>
        <Form.Item name="documentNo" label="文号">
          <Input allowClear placeholder="文号包含" style={{ width: 170 }} data-testid="ledger-filter-doc" />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="ledger-search">
              查询
            </Button>
            <Button
              data-testid="ledger-reset"
              onClick={() => {
                form.resetFields();
                apply({});
              }}
            >
              重置
            </Button>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportExcel} data-testid="ledger-export">
              导出 Excel
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {active.error && <Alert type="error" showIcon title={active.error.message} />}
      <Table<FactorMovement>
        data-testid="factor-ledger-table"
        rowKey="id"
        size="small"
        loading={active.isFetching}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '没有符合条件的台账记录' }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total, showSizeChanger: false, onChange: setPage, showTotal: (n) => <span data-testid="ledger-total">共 {n} 条</span> }}
        columns={[
          { title: '序号', dataIndex: 'id', width: 70 },
          { title: '记账时间', dataIndex: 'createdAt', render: chinaTime },
          { title: '业务类型', dataIndex: 'kind', render: (k: MovementKind) => <Tag data-testid="ledger-kind">{k}</Tag> },
          { title: '要素', dataIndex: 'factor', render: (f: FactorKey, m) => `${FACTORS[f].name}${m.fundingSource ? `（${m.fundingSource}）` : ''}` },
          { title: '转出方', key: 'from', render: (_: unknown, m) => ownerText(m.from.owner) },
          { title: '转入方', key: 'to', render: (_: unknown, m) => ownerText(m.to.owner) },
          { title: '数量', dataIndex: 'amount', align: 'right', render: (x: number, m) => `${formatAmount(x)} ${m.unit}` },
          { title: '价款（万元）', dataIndex: 'priceWan', align: 'right', render: (x: number | null) => (x === null ? '' : formatAmount(x)) },
          { title: '归还日期', dataIndex: 'dueDate', render: (d: string | null) => d ?? '' },
          { title: '文号', dataIndex: 'documentNo' },
          { title: '事由', dataIndex: 'reason', ellipsis: true, width: 220 },
          { title: '经办人', dataIndex: 'operator', render: (o: string | null) => o ?? '' },
        ]}
      />
    </Space>
  );
}
