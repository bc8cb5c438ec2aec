import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Space, Table, Typography } from 'antd';
import type { AuditVerification } from '../../../../common/src/contract/audit.contract.ts';
import { useState } from 'react';
import { formatBeijingTime } from '../../../../common/src/siting-report.ts';
import { http } from '../../api/http-client';
import { queryString } from '../../api/projects.api';

interface AuditRow {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  entityKind: string | null;
  entityId: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
}
type Filter = { actor?: string; action?: string; entityKind?: string; entityId?: string; from?: string; to?: string };

const PAGE = 50;

/** 审计日志: the append-only trail, searched by the security auditor (audit.read). */
export function AuditPage() {
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const query = { ...filter, limit: PAGE, offset: (page - 1) * PAGE };
  const rows = useQuery({
    queryKey: ['audit', query],
    queryFn: () => http.get<{ total: number; items: AuditRow[] }>(`/api/audit${queryString(query)}`),
    placeholderData: (prev) => prev,
  });
  const verification = useQuery({ queryKey: ['audit', 'verify'], queryFn: () => http.get<AuditVerification>('/api/audit/verify'), staleTime: 0 });
  const field = (key: keyof Filter, placeholder: string, width = 140) => (
    <Input.Search
      allowClear
      placeholder={placeholder}
      style={{ width }}
      onSearch={(v) => {
        setPage(1);
        setFilter((f) => ({ ...f, [key]: v.trim() || undefined }));
      }}
      data-testid={`audit-filter-${key}`}
    />
  );
  return (
    <div style={{ padding: 16, height: '100%', overflow: 'auto' }} data-testid="audit-page">
      <VerificationBanner result={verification.data} error={verification.error?.message} checking={verification.isFetching} onCheck={() => void verification.refetch()} />
      <Card size="small" title={`审计日志${rows.data ? `（${rows.data.total} 条）` : ''}`}>
        <Space wrap style={{ marginBottom: 12 }}>
          {field('actor', '账号')}
          {field('action', '操作（前缀，如 project.）', 200)}
          {field('entityKind', '对象类型')}
          {field('entityId', '对象编号', 110)}
          {field('from', '起始日期 YYYY-MM-DD', 170)}
          {field('to', '截止日期 YYYY-MM-DD', 170)}
        </Space>
        {rows.error && <Alert type="error" showIcon title={rows.error.message} />}
        <Table<AuditRow>
          size="small"
          rowKey="id"
          loading={rows.isFetching}
          dataSource={rows.data?.items ?? []}
          pagination={{ current: page, pageSize: PAGE, total: rows.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: '时间（北京）', dataIndex: 'at', width: 170, render: (t: string) => formatBeijingTime(t) },
            { title: '账号', dataIndex: 'actor', width: 110 },
            { title: '操作', dataIndex: 'action', width: 190 },
            { title: '对象', key: 'entity', width: 150, render: (_, a) => (a.entityKind ? `${a.entityKind} ${a.entityId ?? ''}` : '—') },
            { title: '内容', dataIndex: 'detail', render: (d: Record<string, unknown>) => <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{JSON.stringify(d)}</Typography.Text> },
            { title: '地址', dataIndex: 'ip', width: 120 },
          ]}
        />
      </Card>
    </div>
  );
}

/** The hash chain's state: checked on opening the page and on demand. */
function VerificationBanner({ result, error, checking, onCheck }: { result?: AuditVerification; error?: string; checking: boolean; onCheck: () => void }) {
  const action = (
    <Button size="small" loading={checking} onClick={onCheck} data-testid="audit-verify">
      重新校验
    </Button>
  );
  if (error) return <Alert style={{ marginBottom: 12 }} type="error" showIcon title={`完整性校验失败：${error}`} action={action} />;
  if (!result) return <Alert style={{ marginBottom: 12 }} type="info" showIcon title="正在校验审计记录的完整性…" />;
  const at = formatBeijingTime(result.checkedAt);
  if (result.ok) {
    return <Alert style={{ marginBottom: 12 }} type="success" showIcon data-testid="audit-verification" title={`审计记录完整：共 ${result.rows} 条，哈希链逐条核对一致（校验于 ${at}）`} action={action} />;
  }
  const what = result.reason === 'truncated' ? `链尾记录缺失（链头为第 ${result.firstBrokenId} 条，已不存在）` : `自第 ${result.firstBrokenId} 条起记录被修改、删除或插入`;
  return (
    <Alert
      style={{ marginBottom: 12 }}
      type="error"
      showIcon
      data-testid="audit-verification"
      title={`审计记录完整性被破坏：${what}`}
      description={`共 ${result.rows} 条，校验于 ${at}。请保全数据库现场并报告安全管理员。`}
      action={action}
    />
  );
}
