import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Empty, Input, Radio, Result, Row, Segmented, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { answerTask, fetchTask, fetchTasks, projectKeys, type TaskDetail, type TaskListItem, type VerdictKey } from '../../../api/projects.api';
import { useSession } from '../../../auth/use-session';
import { SitingResult } from '../../siting/analysis/SitingResult';
import { VERDICT_TEXT } from '../../projects/project-format';
import '../../projects/projects.css';
import { departmentName, opinionProblem, sortTasks } from './task-format';
import { TaskSiteMap } from './TaskSiteMap';

const VERDICT_OPTIONS: { value: VerdictKey; label: string }[] = [
  { value: 'agree', label: '同意' },
  { value: 'conditional', label: '有条件同意' },
  { value: 'disagree', label: '不同意' },
];

function StatusTags({ t }: { t: Pick<TaskListItem, 'verdict' | 'overdue' | 'roundStatus'> }) {
  return (
    <Space size={2} wrap>
      {t.verdict ? <Tag color={VERDICT_TEXT[t.verdict].color}>{VERDICT_TEXT[t.verdict].text}</Tag> : t.roundStatus === 'open' ? <Tag color="processing">待审查</Tag> : <Tag>未答复（本轮已结束）</Tag>}
      {t.overdue && !t.verdict && (
        <Tag color="red" data-testid="task-overdue">
          已超期
        </Tag>
      )}
    </Space>
  );
}

function OpinionForm({ task }: { task: TaskDetail }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [verdict, setVerdict] = useState<VerdictKey | null>(null);
  const [text, setText] = useState(task.draftOpinion ?? '');
  const [conditions, setConditions] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const answer = useMutation({
    mutationFn: () => answerTask(task.id, { verdict: verdict!, text: text.trim(), ...(conditions.trim() ? { conditions: conditions.trim() } : {}) }),
    meta: { silent: true },
    onSuccess: () => {
      message.success('审查意见已提交');
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void queryClient.invalidateQueries({ queryKey: projectKeys.all });
      void queryClient.invalidateQueries({ queryKey: projectKeys.notifications });
    },
  });
  // The city command follows every task but only the department's reviewer answers it.
  const reviewer = useSession().data?.permissions.includes('consultation.review') ?? false;
  const canAnswer = reviewer && task.verdict === null && task.roundStatus === 'open';
  if (!canAnswer)
    return (
      <Descriptions size="small" column={1} bordered data-testid="task-answered">
        <Descriptions.Item label="审查结论">{task.verdict ? <Tag color={VERDICT_TEXT[task.verdict].color}>{VERDICT_TEXT[task.verdict].text}</Tag> : task.roundStatus === 'open' ? '待部门答复' : '本轮会商已结束，未答复'}</Descriptions.Item>
        <Descriptions.Item label="审查意见">{task.opinion ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="附加条件">{task.conditions ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="答复时间">{task.answeredAt ? new Date(task.answeredAt).toLocaleString('zh-CN', { hour12: false }) : '—'}</Descriptions.Item>
      </Descriptions>
    );
  const send = () => {
    const problem = opinionProblem(verdict, text, conditions);
    setShown(problem);
    if (!problem) answer.mutate();
  };
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="task-opinion-form">
      <Radio.Group optionType="button" buttonStyle="solid" options={VERDICT_OPTIONS} value={verdict} onChange={(e) => setVerdict(e.target.value)} data-testid="task-verdict" />
      <Typography.Text type="secondary">审查意见（已按本部门图层的冲突分析预填，可修改）</Typography.Text>
      <Input.TextArea rows={4} value={text} onChange={(e) => setText(e.target.value)} data-testid="task-opinion-text" />
      {verdict === 'conditional' && <Input.TextArea rows={2} placeholder="附加条件（必填）" value={conditions} onChange={(e) => setConditions(e.target.value)} data-testid="task-conditions" />}
      {(shown || answer.error) && <Alert type="error" showIcon message={shown ?? answer.error?.message} data-testid="task-error" />}
      <Button type="primary" loading={answer.isPending} onClick={send} data-testid="task-submit">
        提交审查意见
      </Button>
    </Space>
  );
}

function TaskDetailCard({ id }: { id: number }) {
  const query = useQuery({ queryKey: projectKeys.task(id), queryFn: () => fetchTask(id) });
  const [finding, setFinding] = useState<string | null>(null);
  const t = query.data;
  if (query.isPending) return <Spin />;
  if (query.error) return <Alert type="error" showIcon message={query.error.message} />;
  if (!t) return null;
  const analysis = t.sitingReport?.analysis;
  const attrs = t.attributes as { unitName?: string; type?: string; investmentWan?: number | null; industryCode?: string | null };
  return (
    <Card
      size="small"
      data-testid="task-detail"
      title={
        <Space>
          <span data-testid="task-project-name">{t.project.name}</span>
          <Typography.Text type="secondary">第 {t.round} 轮</Typography.Text>
        </Space>
      }
      extra={<Link to={`/blueprint?project=${t.project.id}`}>在一张蓝图中查看</Link>}
    >
      <Space orientation="vertical" size={10} style={{ width: '100%' }}>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label="项目代码">{t.project.code}</Descriptions.Item>
          <Descriptions.Item label="县（市、区）">{t.project.county}</Descriptions.Item>
          <Descriptions.Item label="项目单位">{attrs.unitName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="类型">{attrs.type ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="审查部门">{departmentName(t)}</Descriptions.Item>
          <Descriptions.Item label="反馈期限">
            {t.dueAt} <StatusTags t={t} />
          </Descriptions.Item>
          <Descriptions.Item label="选址">
            第 {t.site.version} 版，{(t.site.areaM2 / (10000 / 15)).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 亩
          </Descriptions.Item>
          <Descriptions.Item label="选址报告">{t.sitingReport?.number ?? '—'}</Descriptions.Item>
        </Descriptions>
        <TaskSiteMap site={t.site.geometry} analysis={analysis} selected={finding} />
        <Typography.Text type="secondary">橙色为项目选址，红色为禁止占用的冲突要素；单击下方冲突行可在图上突出显示。</Typography.Text>
        <Row gutter={12}>
          <Col span={12}>{analysis ? <SitingResult analysis={analysis} selectedFinding={finding} onFinding={(l) => setFinding((f) => (f === l ? null : l))} /> : <Empty description="无选址分析" />}</Col>
          <Col span={12}>
            <OpinionForm key={t.id} task={t} />
          </Col>
        </Row>
      </Space>
    </Card>
  );
}

/** 审查任务: the reviewer's department's tasks (the city command sees all, with the overdue ones). */
export function TasksPage() {
  const params = useParams();
  const navigate = useNavigate();
  const selected = Number(params.id) || null;
  const permissions = useSession().data?.permissions ?? [];
  const dispatch = permissions.includes('consultation.dispatch');
  const [status, setStatus] = useState<'open' | 'answered' | 'all'>('open');
  const [overdue, setOverdue] = useState(false);
  const allowed = dispatch || permissions.includes('consultation.review');
  const query = useQuery({ queryKey: projectKeys.tasks({ status, overdue }), queryFn: () => fetchTasks({ status: status === 'all' ? undefined : status, overdue }), enabled: allowed });
  const rows = useMemo(() => sortTasks(query.data ?? []), [query.data]);
  useEffect(() => {
    if (!selected && rows.length === 1) navigate(`/tasks/${rows[0]!.id}`, { replace: true });
  }, [selected, rows, navigate]);
  if (!allowed) return <Result status="403" title="没有审查任务的权限" />;
  return (
    <div className="tasks-page" data-testid="tasks-page">
      <Row gutter={16}>
        <Col xs={24} xl={8}>
          <Card size="small" title={dispatch ? '审查任务（全市）' : '本部门审查任务'}>
            <Space style={{ marginBottom: 8 }} wrap>
              <Segmented
                size="small"
                value={status}
                onChange={(v) => setStatus(v as typeof status)}
                options={[
                  { value: 'open', label: '待审查' },
                  { value: 'answered', label: '已答复' },
                  { value: 'all', label: '全部' },
                ]}
                data-testid="tasks-status"
              />
              <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)} data-testid="tasks-overdue">
                只看超期
              </Checkbox>
            </Space>
            {query.error && <Alert type="error" showIcon message={query.error.message} />}
            <Table<TaskListItem>
              size="small"
              rowKey="id"
              loading={query.isPending}
              dataSource={rows}
              pagination={{ pageSize: 15, size: 'small' }}
              data-testid="tasks-table"
              rowClassName={(t) => (t.id === selected ? 'siting-finding-selected' : '')}
              onRow={(t) => ({ onClick: () => navigate(`/tasks/${t.id}`), style: { cursor: 'pointer' }, 'data-testid': `task-row-${t.id}` }) as React.HTMLAttributes<HTMLElement>}
              locale={{ emptyText: '暂无任务' }}
              columns={[
                { title: '项目', key: 'project', render: (_, t) => <span>{t.project.name}</span> },
                ...(dispatch ? [{ title: '部门', key: 'dept', render: (_: unknown, t: TaskListItem) => departmentName(t) }] : []),
                { title: '轮次', dataIndex: 'round', width: 50 },
                { title: '期限', dataIndex: 'dueAt', width: 96 },
                { title: '状态', key: 'status', render: (_, t) => <StatusTags t={t} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={16}>{selected ? <TaskDetailCard key={selected} id={selected} /> : <Empty description="请从左侧选择一个审查任务" />}</Col>
      </Row>
    </div>
  );
}
