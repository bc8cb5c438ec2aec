import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { LIBRARIES } from '../../../../common/src/project-classification.ts';
import { STAGES } from '../../../../common/src/project-lifecycle.ts';
import { PROJECT_TYPES } from '../../../../common/src/projects.ts';
import { fetchProjects, projectKeys, type ProjectListItem, type ProjectListQuery } from '../../api/projects.api';
import { useBlueprintData } from '../blueprint/use-blueprint-data';
import { ProjectExcelActions } from './ProjectExcelActions';
import { stageColour } from './project-format';
import './projects.css';

const PAGE = 20;
const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

/** 项目库: the projects the user may see, filtered; each opens on the map. */
export function ProjectsPage() {
  const [filter, setFilter] = useState<ProjectListQuery>({});
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const query: ProjectListQuery = { ...filter, q: q.trim() || undefined, limit: PAGE, offset: (page - 1) * PAGE };
  const list = useQuery({ queryKey: projectKeys.list(query), queryFn: () => fetchProjects(query), placeholderData: (prev) => prev });
  const { regions } = useBlueprintData();
  const counties = useMemo(() => (regions?.features ?? []).filter((f) => f.properties.level === 'county').map((f) => ({ value: f.properties.code, label: f.properties.name })), [regions]);
  const set = (patch: ProjectListQuery) => {
    setPage(1);
    setFilter((f) => ({ ...f, ...patch }));
  };
  return (
    <div className="projects-page" data-testid="projects-page">
      <Card size="small" title={`项目库${list.data ? `（${list.data.total} 个）` : ''}`}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select allowClear placeholder="阶段" style={{ width: 130 }} options={options(STAGES)} value={filter.stage} onChange={(v) => set({ stage: v })} data-testid="projects-filter-stage" />
          <Select allowClear placeholder="县（市、区）" style={{ width: 140 }} options={counties} value={filter.county} onChange={(v) => set({ county: v })} />
          <Select allowClear placeholder="类型" style={{ width: 120 }} options={options(PROJECT_TYPES)} value={filter.type} onChange={(v) => set({ type: v })} />
          <Select allowClear placeholder="项目库" style={{ width: 160 }} options={options(LIBRARIES)} value={filter.library} onChange={(v) => set({ library: v })} />
          <Input allowClear placeholder="行业代码" style={{ width: 110 }} value={filter.industry} onChange={(e) => set({ industry: e.target.value || undefined })} />
          <Space.Compact>
            <InputNumber min={0} placeholder="投资下限（万元）" style={{ width: 140 }} value={filter.minInvestment ?? null} onChange={(v) => set({ minInvestment: v ?? undefined })} />
            <InputNumber min={0} placeholder="上限（万元）" style={{ width: 120 }} value={filter.maxInvestment ?? null} onChange={(v) => set({ maxInvestment: v ?? undefined })} />
          </Space.Compact>
          <Input.Search
            allowClear
            placeholder="名称、代码或单位"
            style={{ width: 220 }}
            onSearch={(v) => {
              setPage(1);
              setQ(v);
            }}
            data-testid="projects-search"
          />
        </Space>
        <ProjectExcelActions filter={query} />
        {list.error && <Alert type="error" showIcon message={list.error.message} />}
        <Table<ProjectListItem>
          size="small"
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          data-testid="projects-table"
          pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: '项目代码', dataIndex: 'code', width: 190 },
            { title: '项目名称', key: 'name', render: (_, p) => <Link to={`/blueprint?project=${p.id}`} data-testid={`projects-open-${p.id}`}>{p.name}</Link> },
            { title: '县（市、区）', key: 'county', width: 110, render: (_, p) => p.county?.name ?? '—' },
            { title: '类型', dataIndex: 'type', width: 90 },
            { title: '行业', dataIndex: 'industryCode', width: 70 },
            { title: '总投资（万元）', dataIndex: 'investmentWan', align: 'right', width: 120, render: (v: number | null) => (typeof v === 'number' ? v.toLocaleString('zh-CN') : '—') },
            { title: '阶段', key: 'stage', width: 110, render: (_, p) => <Tag color={stageColour(p.stage)}>{p.stageLabel}</Tag> },
            { title: '入库', key: 'libraries', render: (_, p) => (p.libraries ?? []).map((l) => <Tag key={l}>{l}</Tag>) },
          ]}
        />
      </Card>
    </div>
  );
}
