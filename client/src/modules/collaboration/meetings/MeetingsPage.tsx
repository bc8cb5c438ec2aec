import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { conveneMeeting, decideAgendaItem, fetchMeetings, fetchProblems, meetingKeys, type AgendaItem, type DecisionInput, type Meeting, type ProblemRow } from '../../../api/meetings.api';
import { projectKeys } from '../../../api/projects.api';
import { useSession } from '../../../auth/use-session';
import './meetings.css';

const PROBLEM_STATUS: Record<ProblemRow['status'], { text: string; color: string }> = {
  open: { text: '待研究', color: 'orange' },
  on_agenda: { text: '已列入议程', color: 'blue' },
  resolved: { text: '已同意', color: 'green' },
  rejected: { text: '未同意', color: 'red' },
};
const DECISION_TEXT: Record<NonNullable<AgendaItem['decision']>, string> = { adopt: '同意纳入储备', adopt_with_conditions: '附条件同意', reject: '不同意' };
const DEPARTMENTS = [
  ['zrzy', '自然资源和规划局'],
  ['sthj', '生态环境局'],
  ['fgw', '发展改革委'],
  ['czj', '财政局'],
  ['xzsp', '行政审批服务局'],
  ['tzcj', '投资促进局'],
  ['zjj', '住建局'],
  ['slj', '水利局'],
  ['gxj', '工信局'],
  ['wlj', '文旅局'],
].map(([value, label]) => ({ value, label }));

/** 联席会议 (Art. 4, 11): the problem list, convening a meeting on open problems, and its decisions. */
export function MeetingsPage() {
  const canManage = useSession().data?.permissions.includes('meetings.manage') ?? false;
  const problems = useQuery({ queryKey: meetingKeys.problems, queryFn: fetchProblems });
  const meetings = useQuery({ queryKey: meetingKeys.meetings, queryFn: fetchMeetings });
  const [selected, setSelected] = useState<number[]>([]);
  const open = (problems.data ?? []).filter((p) => p.status === 'open');
  return (
    <div className="meetings-page" data-testid="meetings-page">
      <Card size="small" title="问题清单" data-testid="problems-card">
        {problems.error && <Alert type="error" showIcon title={problems.error.message} />}
        <Table<ProblemRow>
          size="small"
          rowKey="id"
          loading={problems.isPending}
          dataSource={problems.data ?? []}
          pagination={false}
          locale={{ emptyText: '暂无提报联席会议的问题' }}
          rowSelection={canManage ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), getCheckboxProps: (p) => ({ disabled: p.status !== 'open' }) } : undefined}
          columns={[
            { title: '问题', dataIndex: 'title' },
            { title: '说明', dataIndex: 'description', ellipsis: true },
            { title: '项目', key: 'project', render: (_, p) => (p.project_id ? <Link to={`/blueprint?project=${p.project_id}`}>{p.project_name}</Link> : '—') },
            { title: '县（市、区）', dataIndex: 'county', width: 110 },
            { title: '状态', dataIndex: 'status', width: 110, render: (s: ProblemRow['status']) => <Tag color={PROBLEM_STATUS[s].color}>{PROBLEM_STATUS[s].text}</Tag> },
          ]}
        />
        {canManage && <ConveneForm problemIds={selected.filter((id) => open.some((p) => p.id === id))} onDone={() => setSelected([])} />}
      </Card>
      <Card size="small" title="联席会议" data-testid="meetings-card">
        {meetings.error && <Alert type="error" showIcon title={meetings.error.message} />}
        {(meetings.data ?? []).length === 0 && !meetings.isPending && <Empty description="还没有召开联席会议" />}
        {(meetings.data ?? []).map((m) => (
          <MeetingBlock key={m.id} meeting={m} canManage={canManage} />
        ))}
      </Card>
    </div>
  );
}

function useRefresh() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: meetingKeys.problems }), client.invalidateQueries({ queryKey: meetingKeys.meetings }), client.invalidateQueries({ queryKey: projectKeys.all })]);
}

function ConveneForm({ problemIds, onDone }: { problemIds: number[]; onDone(): void }) {
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<{ title: string; date: { format(f: string): string } }>();
  const convene = useMutation({
    mutationFn: (v: { title: string; date: { format(f: string): string } }) => conveneMeeting({ title: v.title, date: v.date.format('YYYY-MM-DD'), problemIds }),
    onSuccess: async (m) => {
      message.success(`已召集“${m.title}”，议题 ${m.agenda.length} 项`);
      form.resetFields();
      onDone();
      await refresh();
    },
  });
  return (
    <Form form={form} layout="inline" className="meetings-convene" onFinish={(v) => convene.mutate(v)} data-testid="meeting-convene">
      <Form.Item name="title" rules={[{ required: true, message: '请填写会议名称' }]}>
        <Input placeholder="会议名称，如 2026 年第 5 次联席会议" style={{ width: 280 }} data-testid="meeting-title" />
      </Form.Item>
      <Form.Item name="date" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker placeholder="会议日期" data-testid="meeting-date" />
      </Form.Item>
      <Button type="primary" htmlType="submit" disabled={problemIds.length === 0} loading={convene.isPending} data-testid="meeting-submit">
        以所选 {problemIds.length} 个问题召集联席会议
      </Button>
      {convene.error && <Alert type="error" showIcon title={convene.error.message} />}
    </Form>
  );
}

function MeetingBlock({ meeting, canManage }: { meeting: Meeting; canManage: boolean }) {
  return (
    <div className="meeting-block" data-testid={`meeting-${meeting.id}`}>
      <Typography.Text strong>
        {meeting.title}（{meeting.date}）
      </Typography.Text>{' '}
      <Tag color={meeting.status === 'closed' ? 'green' : 'blue'}>{meeting.status === 'closed' ? '已办结' : '进行中'}</Tag>
      <Table<AgendaItem>
        size="small"
        rowKey="problem_id"
        pagination={false}
        dataSource={meeting.agenda}
        expandable={canManage ? { rowExpandable: (a) => a.decision === null, expandedRowRender: (a) => <DecisionForm meetingId={meeting.id} item={a} /> } : undefined}
        columns={[
          { title: '议题', dataIndex: 'title' },
          { title: '项目', key: 'project', render: (_, a) => (a.project_id ? <Link to={`/blueprint?project=${a.project_id}`}>{a.project_name}</Link> : '—') },
          { title: '项目阶段', dataIndex: 'stage', width: 110 },
          {
            title: '会议决定',
            key: 'decision',
            render: (_, a) =>
              a.decision ? (
                <Space orientation="vertical" size={0}>
                  <Tag color={a.decision === 'reject' ? 'red' : 'green'}>{DECISION_TEXT[a.decision]}</Tag>
                  <Typography.Text type="secondary">
                    {a.decision_text}
                    {a.department ? `；责任单位 ${DEPARTMENTS.find((d) => d.value === a.department)?.label ?? a.department}` : ''}
                    {a.deadline ? `，${a.deadline} 前` : ''}
                  </Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="secondary">待决定{canManage ? '（展开本行作出决定）' : ''}</Typography.Text>
              ),
          },
        ]}
      />
    </div>
  );
}

function DecisionForm({ meetingId, item }: { meetingId: number; item: AgendaItem }) {
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<Omit<DecisionInput, 'problemId' | 'deadline'> & { deadline?: { format(f: string): string } }>();
  const decision = Form.useWatch('decision', form);
  const decide = useMutation({
    mutationFn: (v: Omit<DecisionInput, 'problemId' | 'deadline'> & { deadline?: { format(f: string): string } }) =>
      decideAgendaItem(meetingId, { ...v, problemId: item.problem_id, deadline: v.deadline?.format('YYYY-MM-DD') }),
    onSuccess: async (r) => {
      message.success(`已作出决定${r.projectStage ? `，项目转为“${r.projectStage}”` : ''}`);
      await refresh();
    },
  });
  return (
    <Form form={form} layout="vertical" onFinish={(v) => decide.mutate(v)} initialValues={{ decision: 'adopt', outcome: 'return' }} data-testid={`decision-form-${item.problem_id}`}>
      <Space wrap align="start">
        <Form.Item name="decision" label="决定">
          <Select style={{ width: 160 }} options={Object.entries(DECISION_TEXT).map(([value, label]) => ({ value, label }))} data-testid="decision-select" />
        </Form.Item>
        {decision === 'reject' && (
          <Form.Item name="outcome" label="项目处理">
            <Select style={{ width: 160 }} options={[{ value: 'return', label: '退回重新谋划' }, { value: 'terminate', label: '不予实施（终止）' }]} />
          </Form.Item>
        )}
        <Form.Item name="responsibleDepartment" label="责任单位" rules={[{ required: decision === 'adopt_with_conditions', message: '附条件同意须指定责任单位' }]}>
          <Select allowClear style={{ width: 180 }} options={DEPARTMENTS} />
        </Form.Item>
        <Form.Item name="deadline" label="完成时限" rules={[{ required: decision === 'adopt_with_conditions', message: '附条件同意须指定时限' }]}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Form.Item name="text" label="会议决定" rules={[{ required: true, min: 2, message: '请填写会议决定' }]}>
        <Input.TextArea rows={2} placeholder="如：同意纳入储备，由自然资源和规划局指导落实占补平衡" data-testid="decision-text" />
      </Form.Item>
      {decide.error && <Alert type="error" showIcon title={decide.error.message} style={{ marginBottom: 8 }} />}
      <Button type="primary" htmlType="submit" loading={decide.isPending} data-testid="decision-submit">
        作出决定
      </Button>
    </Form>
  );
}
