import { AimOutlined, CloseOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Modal, Popconfirm, Space, Spin, Tabs, Tag, Timeline, Typography } from 'antd';
import type { MultiPolygon, Polygon } from 'geojson';
import { useEffect, useMemo, useState } from 'react';
import { fetchProject, projectKeys, raiseProblem, submitProject, transitionProject, type ProjectDetail, type ProjectRound } from '../../api/projects.api';
import { ProjectSiteVersions, useMapActions } from '../../map';
import { bboxOfAll } from '../siting/analysis/geometry-bbox';
import { formatAreaChange, projectActions, ROUND_STATUS, stageColour, VERDICT_TEXT, type ProjectAction } from './project-format';
import { FactorCard } from '../factors/FactorCard';
import './projects.css';

export interface ProjectPanelProps {
  projectId: number;
  onClose(): void;
  /** 调整选址: the workspace opens the siting panel with the current site. */
  onAdjustSite?(project: ProjectDetail): void;
}

const NEED_LABELS: [string, string][] = [
  ['landMu', '用地（亩）'],
  ['energyTce', '能耗（吨标准煤）'],
  ['coalT', '煤炭（吨）'],
  ['codT', 'COD（吨/年）'],
  ['nh3nT', '氨氮（吨/年）'],
  ['so2T', 'SO₂（吨/年）'],
  ['noxT', 'NOx（吨/年）'],
  ['vocsT', 'VOCs（吨/年）'],
  ['fundsWan', '资金（万元）'],
];

const SITE_STAGES = ['谋划', '策划生成中', '储备'];
const num = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('zh-CN', { maximumFractionDigits: 2 }) : '—');
const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');
const day = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleDateString('zh-CN') : '—');

function Attributes({ p }: { p: ProjectDetail }) {
  const needs = Object.entries(p.needs ?? {}).filter(([, v]) => typeof v === 'number' && v > 0);
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Descriptions size="small" column={1} bordered data-testid="project-attributes">
        <Descriptions.Item label="项目代码">{p.code}</Descriptions.Item>
        <Descriptions.Item label="统一代码">{p.nationalCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="项目单位">{p.unitName}</Descriptions.Item>
        <Descriptions.Item label="县（市、区）">{p.county?.name}</Descriptions.Item>
        <Descriptions.Item label="项目类型">{p.type}</Descriptions.Item>
        <Descriptions.Item label="行业">
          {p.industryCode ?? '—'} {p.industryName ?? ''} {p.strategicEmerging && <Tag color="purple">战略性新兴产业</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="总投资">{typeof p.investmentWan === 'number' ? `${num(p.investmentWan)} 万元` : '—'}</Descriptions.Item>
        <Descriptions.Item label="资金来源">{p.fundingSources?.length ? p.fundingSources.join('、') : '—'}</Descriptions.Item>
        <Descriptions.Item label="计划工期">
          {p.plannedStart ?? '—'} 至 {p.plannedEnd ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label="入库">{p.libraries?.length ? p.libraries.map((l) => <Tag key={l}>{l}</Tag>) : '—'}</Descriptions.Item>
        <Descriptions.Item label="要素需求">{needs.length ? needs.map(([k, v]) => `${NEED_LABELS.find(([key]) => key === k)?.[1] ?? k} ${num(v)}`).join('；') : '—'}</Descriptions.Item>
      </Descriptions>
      <Typography.Text strong>项目分类（第二条）</Typography.Text>
      {p.classification.length ? (
        <Space orientation="vertical" size={4} data-testid="project-classification">
          {p.classification.map((c) => (
            <div key={c.category}>
              <Tag color="blue">{c.category}</Tag>
              <Typography.Text type="secondary">{c.reason}</Typography.Text>
            </div>
          ))}
        </Space>
      ) : (
        <Typography.Text type="secondary" data-testid="project-classification">
          不属于第二条所列类别
        </Typography.Text>
      )}
      {p.missing.length > 0 && <Alert type="warning" showIcon message={`缺少属性：${p.missing.map((m) => m.label).join('、')}`} data-testid="project-missing" />}
    </Space>
  );
}

function Lifecycle({ p }: { p: ProjectDetail }) {
  if (!p.history.length) return <Typography.Text type="secondary">尚无阶段变更记录（当前：{p.stageLabel}）</Typography.Text>;
  return (
    <Timeline
      data-testid="project-history"
      items={p.history.map((h) => ({
        color: stageColour(h.to),
        content: (
          <div>
            <div>
              {h.from ? `${h.from} → ` : ''}
              <b>{h.to}</b>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {when(h.at)} {h.actor ?? ''} {h.note ?? ''}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}

function Sites({ p }: { p: ProjectDetail }) {
  const sites = [...p.sites].sort((a, b) => b.version - a.version);
  return (
    <Space orientation="vertical" size={6} style={{ width: '100%' }} data-testid="project-sites">
      {sites.map((s, i) => {
        const older = sites[i + 1];
        return (
          <div key={s.version} data-testid={`project-site-${s.version}`}>
            <Tag color={i === 0 ? 'orange' : 'default'}>第 {s.version} 版{i === 0 ? '（当前）' : ''}</Tag>
            {num(s.areaMu)} 亩
            {older && (
              <Typography.Text type="secondary" data-testid="project-site-change">
                {' '}
                较第 {older.version} 版 {formatAreaChange(s.areaMu - older.areaMu)}
              </Typography.Text>
            )}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {when(s.createdAt)} {s.note}
              </Typography.Text>
            </div>
          </div>
        );
      })}
      {sites.length > 1 && <Typography.Text type="secondary">地图上橙色实线为当前选址，灰色虚线为上一版。</Typography.Text>}
    </Space>
  );
}

function Round({ r }: { r: ProjectRound }) {
  const status = ROUND_STATUS[r.status];
  return (
    <div className="project-round" data-testid={`project-round-${r.round}`} data-status={r.status}>
      <Space wrap size={4}>
        <b>第 {r.round} 轮会商</b>
        <Tag color={status.color} data-testid="project-round-status">
          {status.text}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          选址第 {r.siteVersion} 版 · 提交 {day(r.submittedAt)}
          {r.sitingReport ? ` · 报告 ${r.sitingReport.number}` : ''}
        </Typography.Text>
        {r.invalidatedAt && <Tag color="red">意见已失效</Tag>}
      </Space>
      {r.tasks.map((t) => (
        <div key={t.id} style={{ marginTop: 6 }} data-testid={`project-task-${t.department.code}`}>
          <Space wrap size={4}>
            <span>{t.department.name}</span>
            {t.verdict ? <Tag color={VERDICT_TEXT[t.verdict].color}>{VERDICT_TEXT[t.verdict].text}</Tag> : <Tag>待答复</Tag>}
            {t.overdue && !t.verdict && <Tag color="red">已超期</Tag>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              期限 {day(t.dueAt)}
            </Typography.Text>
          </Space>
          {t.opinion && <div style={{ fontSize: 12 }}>{t.opinion}</div>}
          {t.conditions && <div style={{ fontSize: 12 }}>条件：{t.conditions}</div>}
        </div>
      ))}
    </div>
  );
}

function Rounds({ p }: { p: ProjectDetail }) {
  const rounds = [...p.rounds].sort((a, b) => b.round - a.round);
  return (
    <Space orientation="vertical" size={6} style={{ width: '100%' }} data-testid="project-rounds">
      {p.formalOpinions && (
        <Alert
          type={p.formalOpinions.valid ? 'success' : 'warning'}
          showIcon
          data-testid="project-formal-opinions"
          message={p.formalOpinions.valid ? `正式预审意见：第 ${p.formalOpinions.round} 轮，有效` : `第 ${p.formalOpinions.round} 轮正式预审意见已于 ${day(p.formalOpinions.invalidatedAt)} 失效（选址或建设内容已变更），须重新会商`}
        />
      )}
      {rounds.length ? rounds.map((r) => <Round key={r.id} r={r} />) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未提交策划生成" />}
    </Space>
  );
}

function ProblemModal({ open, onClose, onSubmit, pending }: { open: boolean; onClose(): void; onSubmit(v: { title: string; description: string }): void; pending: boolean }) {
  const [form] = Form.useForm<{ title: string; description: string }>();
  return (
    <Modal open={open} title="提报联席会议（形成问题清单）" onCancel={onClose} onOk={() => form.submit()} okText="提报" confirmLoading={pending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={onSubmit}>
        <Form.Item name="title" label="问题" rules={[{ required: true, message: '请填写问题' }]}>
          <Input data-testid="problem-title" />
        </Form.Item>
        <Form.Item name="description" label="说明" rules={[{ required: true, message: '请填写说明' }]}>
          <Input.TextArea rows={4} data-testid="problem-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A key project's panel on the map: attributes, classification, lifecycle, sites, rounds and what the user may do. */
export function ProjectPanel({ projectId, onClose, onAdjustSite }: ProjectPanelProps) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: projectKeys.one(projectId), queryFn: () => fetchProject(projectId) });
  const p = query.data;
  const actions = useMapActions();
  const [tab, setTab] = useState('info');
  const [problemOpen, setProblemOpen] = useState(false);

  const refresh = () => queryClient.invalidateQueries({ queryKey: projectKeys.all });
  const submit = useMutation({
    mutationFn: () => submitProject(projectId),
    meta: { silent: true },
    onSuccess: (r) => {
      message.success(`已提交第 ${r.round} 轮策划生成会商：${r.tasks.map((t) => t.departmentName).join('、')}（选址报告 ${r.sitingReport.number}）`);
      setTab('rounds');
      void refresh();
    },
  });
  const move = useMutation({
    mutationFn: (to: string) => transitionProject(projectId, to),
    meta: { silent: true },
    onSuccess: (r) => {
      message.success(`项目已变更为“${r.stageLabel}”`);
      void refresh();
    },
  });
  const problem = useMutation({
    mutationFn: (v: { title: string; description: string }) => raiseProblem(projectId, v),
    meta: { silent: true },
    onSuccess: () => {
      message.success('已列入问题清单，待联席会议研究');
      setProblemOpen(false);
      void refresh();
    },
  });

  const sites = useMemo(() => [...(p?.sites ?? [])].sort((a, b) => a.version - b.version), [p?.sites]);
  const current = sites.at(-1)?.geometry ?? null;
  const previous = useMemo<(Polygon | MultiPolygon)[]>(() => (sites.length > 1 ? [sites.at(-2)!.geometry] : []), [sites]);
  const zoomTo = () => {
    const bbox = bboxOfAll([...(current ? [current] : []), ...previous]);
    if (bbox) actions?.fitBounds(bbox, { maxZoom: 16 });
  };
  // Zoom once per project (and per new site version).
  useEffect(zoomTo, [projectId, sites.length, actions]);

  const buttons = p ? projectActions(p.allowedTransitions, p.rounds) : [];
  // A new site version belongs to planning (谋划, 策划生成) or to a reserve project sent back by the change.
  const canAdjust = p && onAdjustSite && p.allowedTransitions.length > 0 && SITE_STAGES.includes(p.stage) && !p.rounds.some((r) => r.status === 'open');
  const run = (a: ProjectAction) => (a.kind === 'submit' ? submit.mutate() : a.kind === 'escalate' ? setProblemOpen(true) : move.mutate(a.to));
  const error = submit.error ?? move.error ?? problem.error;

  return (
    <Card
      size="small"
      className="map-card project-panel"
      data-testid="project-panel"
      title={
        p ? (
          <Space size={6}>
            <Tag color={stageColour(p.stage)} data-testid="project-stage">
              {p.stageLabel}
            </Tag>
            <span data-testid="project-name">{p.name}</span>
          </Space>
        ) : (
          '重点项目'
        )
      }
      extra={
        <Space size={0}>
          <Button type="text" size="small" icon={<AimOutlined />} onClick={zoomTo} aria-label="缩放到项目" />
          <Button type="text" size="small" icon={<CloseOutlined />} onClick={onClose} aria-label="关闭项目" data-testid="project-close" />
        </Space>
      }
    >
      <ProjectSiteVersions previous={previous} current={current} />
      {query.isPending && <Spin />}
      {query.error && <Alert type="error" showIcon message={query.error.message} />}
      {p && (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Text type="secondary" data-testid="project-code">
            {p.code}
          </Typography.Text>
          {(buttons.length > 0 || canAdjust) && (
            <div className="project-actions" data-testid="project-actions">
              {buttons.map((a) =>
                a.kind === 'transition' ? (
                  <Popconfirm key={a.label} title={`确定“${a.label}”？`} onConfirm={() => run(a)} okText="确定" cancelText="取消">
                    <Button size="small" danger={a.to === '终止' || a.to === '调出'} loading={move.isPending && move.variables === a.to} data-testid={`project-action-${a.to}`}>
                      {a.label}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button key={a.label} size="small" type="primary" loading={a.kind === 'submit' && submit.isPending} onClick={() => run(a)} data-testid={`project-action-${a.kind}`}>
                    {a.label}
                  </Button>
                ),
              )}
              {canAdjust && (
                <Button size="small" icon={<EditOutlined />} onClick={() => onAdjustSite(p)} data-testid="project-adjust-site">
                  调整选址
                </Button>
              )}
            </div>
          )}
          {error && <Alert type="error" showIcon closable message={error.message} data-testid="project-error" />}
          <Tabs
            size="small"
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'info',
                label: '概况',
                children: (
                  <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                    <Attributes p={p} />
                    <FactorCard countyCode={p.county.code} needs={p.needs ?? {}} />
                  </Space>
                ),
              },
              { key: 'rounds', label: `会商${p.rounds.length ? `（${p.rounds.length}）` : ''}`, children: <Rounds p={p} /> },
              { key: 'sites', label: `选址（${p.sites.length}）`, children: <Sites p={p} /> },
              { key: 'history', label: '进程', children: <Lifecycle p={p} /> },
            ]}
            data-testid="project-tabs"
          />
          <ProblemModal open={problemOpen} onClose={() => setProblemOpen(false)} onSubmit={(v) => problem.mutate(v)} pending={problem.isPending} />
        </Space>
      )}
    </Card>
  );
}
