import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { fetchLayers } from '../../../api/layers.api';
import { queryKeys } from '../../../api/query-keys';
import { fetchSitingRules, type SitingRuleRow } from '../../../api/siting.api';
import { useSession } from '../../../auth/use-session';
import { SEVERITY_LABEL } from '../analysis/siting-format';
import { RuleDrawer, RULES_KEY } from './RuleDrawer';
import './admin.css';

const KIND_DEFAULT: Record<string, string> = { hard: '所有刚性管控图层（默认）', soft: '所有弹性管控图层（默认）' };

/** 选址规则: the rule table the siting analysis applies, edited by users with rules.manage. */
export function SitingRulesPage() {
  const canManage = useSession().data?.permissions.includes('rules.manage') ?? false;
  const rules = useQuery({ queryKey: RULES_KEY, queryFn: fetchSitingRules });
  const layers = useQuery({ queryKey: queryKeys.layers, queryFn: fetchLayers });
  const [editing, setEditing] = useState<SitingRuleRow | 'new' | null>(null);
  const layerName = (key: string | null, kind?: string) => (key ? (layers.data?.find((l) => l.key === key)?.name ?? key) : (KIND_DEFAULT[kind ?? ''] ?? '—'));
  const nextSortOrder = Math.max(0, ...(rules.data ?? []).map((r) => r.sortOrder)) + 10;

  return (
    <div className="admin-page" data-testid="rules-page">
      <Card
        title="选址规则"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="rule-add">
              新增规则
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">
          选址分析按顺序对每个涉及的要素套用第一条适用的规则：严重程度为“禁止”的冲突使结论为“禁止选址”，“需调整”使结论为“需调整”。修改即时作用于之后的分析。
        </Typography.Paragraph>
        {rules.error && <Alert type="error" showIcon message={rules.error.message} />}
        <Table<SitingRuleRow>
          size="small"
          rowKey="id"
          loading={rules.isPending}
          dataSource={rules.data}
          pagination={false}
          data-testid="rules-table"
          onRow={(r) => ({ 'data-testid': `rule-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: '顺序', dataIndex: 'sortOrder', width: 60 },
            { title: '规则编号', dataIndex: 'id', width: 180 },
            { title: '图层', key: 'layer', width: 160, render: (_, r) => layerName(r.layer, r.kind) },
            { title: '条件', key: 'when', width: 150, render: (_, r) => (r.when ? `${r.when.property} = ${r.when.equals}` : '全部要素') },
            { title: '计量', key: 'measure', width: 90, render: (_, r) => (r.measure === 'inside' ? '占用部分' : '图层外部分') },
            {
              title: '严重程度',
              key: 'severity',
              width: 90,
              render: (_, r) => (
                <Tag color={SEVERITY_LABEL[r.severity].color} data-testid="rule-severity-tag" data-severity={r.severity}>
                  {SEVERITY_LABEL[r.severity].text}
                </Tag>
              ),
            },
            { title: '提示信息模板', dataIndex: 'message', ellipsis: { showTitle: true } },
            { title: '依据', dataIndex: 'basis', width: 200, ellipsis: { showTitle: true } },
            { title: '启用', key: 'enabled', width: 60, render: (_, r) => (r.enabled ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
            ...(canManage
              ? [
                  {
                    title: '操作',
                    key: 'edit',
                    width: 70,
                    render: (_: unknown, r: SitingRuleRow) => (
                      <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(r)} data-testid={`rule-edit-${r.id}`}>
                        编辑
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <RuleDrawer rule={editing} layers={layers.data ?? []} nextSortOrder={nextSortOrder} onClose={() => setEditing(null)} />
    </div>
  );
}
