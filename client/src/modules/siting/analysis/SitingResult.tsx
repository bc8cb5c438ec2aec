import { Alert, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { SitingAnalysis, SitingFinding } from '../../../../../common/src/siting.ts';
import { formatHa, formatM2, formatMu, formatRoadDistance, formatShare, SEVERITY_LABEL, VERDICT_LABEL } from './siting-format';

function Region({ region }: { region: SitingAnalysis['region'] }) {
  const park = region.park;
  return (
    <Descriptions size="small" column={1} bordered data-testid="siting-region" title="所在区域">
      <Descriptions.Item label="县（市、区）">{region.county?.name ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="乡镇（街道）">{region.zone?.name ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="园区">
        {park ? (
          <Space size={4} wrap>
            {park.name}
            {park.industryMatch === true && <Tag color="green">产业匹配</Tag>}
            {park.industryMatch === false && <Tag color="orange">产业不匹配</Tag>}
            {park.leadingIndustries.length > 0 && <Typography.Text type="secondary">主导产业：{park.leadingIndustries.join('、')}</Typography.Text>}
          </Space>
        ) : (
          '不在园区内'
        )}
      </Descriptions.Item>
      <Descriptions.Item label="环境管控单元">{region.controlUnit ? `${region.controlUnit.name}（${region.controlUnit.code}）` : '—'}</Descriptions.Item>
    </Descriptions>
  );
}

interface FindingsProps {
  findings: SitingFinding[];
  selected?: string | null;
  onSelect?(layer: string): void;
}

function Findings({ findings, selected, onSelect }: FindingsProps) {
  if (!findings.length) return <Typography.Text type="secondary">未与任何约束图层冲突</Typography.Text>;
  return (
    <Table<SitingFinding>
      size="small"
      pagination={false}
      rowKey={(f) => `${f.layer}-${f.measure}`}
      dataSource={findings}
      data-testid="siting-findings"
      rowClassName={(f) => (f.layer === selected ? 'siting-finding-selected' : '')}
      onRow={(f) =>
        ({
          'data-testid': `siting-finding-${f.layer}`,
          onClick: () => onSelect?.(f.layer),
          style: onSelect ? { cursor: 'pointer' } : undefined,
          title: onSelect ? '单击在地图上突出显示并缩放到冲突要素' : undefined,
        }) as React.HTMLAttributes<HTMLElement>
      }
      expandable={{ expandedRowRender: (f) => f.message, rowExpandable: (f) => !!f.message, defaultExpandAllRows: true }}
      columns={[
        { title: '图层', dataIndex: 'layerName', key: 'layer' },
        { title: '结论', key: 'severity', render: (_, f) => <Tag color={SEVERITY_LABEL[f.severity].color}>{SEVERITY_LABEL[f.severity].text}</Tag> },
        { title: '重叠面积', key: 'overlap', align: 'right', render: (_, f) => <span data-testid="siting-finding-mu">{formatMu(f.overlapMu)}</span> },
        { title: '占比', key: 'share', align: 'right', render: (_, f) => formatShare(f.share) },
      ]}
    />
  );
}

function Capacity({ capacity }: { capacity: SitingAnalysis['capacity'] }) {
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid="siting-capacity">
      <Typography.Text>
        存量建设用地：{capacity.stockLand.county ?? ''} {capacity.stockLand.parcels} 宗，{formatMu(capacity.stockLand.mu)}
        {capacity.stockLand.gapMu ? `，缺口 ${formatMu(capacity.stockLand.gapMu)}` : ''}
      </Typography.Text>
      {capacity.stockLand.note && <Typography.Text type="secondary">{capacity.stockLand.note}</Typography.Text>}
      {capacity.gaps.length === 0 ? (
        <Typography.Text type="secondary">无容量缺口</Typography.Text>
      ) : (
        capacity.gaps.map((g) => (
          <Alert
            key={g.factor}
            type="warning"
            showIcon
            message={`${g.name}：需求 ${g.needed.toLocaleString('zh-CN')} ${g.unit}，可用 ${g.available.toLocaleString('zh-CN')} ${g.unit}，缺口 ${g.gap.toLocaleString('zh-CN')} ${g.unit}`}
          />
        ))
      )}
      {capacity.factorPools && <FactorPools pools={capacity.factorPools} />}
      {capacity.factorPoolsNote && <Typography.Text type="secondary">{capacity.factorPoolsNote}</Typography.Text>}
    </Space>
  );
}

type Pools = NonNullable<SitingAnalysis['capacity']['factorPools']>;
const amount = (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN', { maximumFractionDigits: 4 }));

/** The county's and the city pool's balances per factor, with the need and any gap. */
function FactorPools({ pools }: { pools: Pools }) {
  return (
    <Table<Pools['items'][number]>
      size="small"
      rowKey="factor"
      pagination={false}
      dataSource={pools.items}
      data-testid="siting-factor-pools"
      columns={[
        { title: `要素池（${pools.year}年）`, dataIndex: 'name', render: (name: string, i) => `${name}（${i.unit}）` },
        { title: pools.county ?? '县级', dataIndex: 'countyBalance', align: 'right', render: amount },
        { title: '市级统筹', dataIndex: 'cityBalance', align: 'right', render: amount },
        { title: '需求', dataIndex: 'needed', align: 'right', render: amount },
        { title: '缺口', dataIndex: 'gap', align: 'right', render: (gap: number | null) => (gap ? <Typography.Text type="danger">{amount(gap)}</Typography.Text> : amount(gap)) },
      ]}
    />
  );
}

export interface SitingResultProps {
  analysis: SitingAnalysis;
  /** Buttons shown right below the verdict (e.g. 生成选址报告). */
  actions?: ReactNode;
  /** The finding (layer key) highlighted on the map; a click on a row selects or unselects it. */
  selectedFinding?: string | null;
  onFinding?(layer: string): void;
}

/** What the server said about a site: verdict, area, region, findings, road, capacity. */
export function SitingResult({ analysis, actions, selectedFinding, onFinding }: SitingResultProps) {
  const verdict = VERDICT_LABEL[analysis.verdict.result];
  const { area, roads } = analysis;
  return (
    <Space orientation="vertical" size={10} style={{ width: '100%' }} data-testid="siting-result">
      <div className="siting-verdict" data-testid="siting-verdict" data-verdict={analysis.verdict.result}>
        <Tag color={verdict.color} className="siting-verdict-tag">
          {verdict.text}
        </Tag>
        <Typography.Text data-testid="siting-verdict-rule">{analysis.verdict.rule}</Typography.Text>
      </div>
      {actions && (
        <div className="siting-result-actions" data-testid="siting-result-actions">
          {actions}
        </div>
      )}
      <Descriptions size="small" column={1} bordered data-testid="siting-area" title="用地面积">
        <Descriptions.Item label="亩">
          <span data-testid="siting-area-mu">{formatMu(area.mu)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="公顷">{formatHa(area.ha)}</Descriptions.Item>
        <Descriptions.Item label="平面面积">{formatM2(area.m2)}</Descriptions.Item>
        <Descriptions.Item label="椭球面积">{formatM2(area.ellipsoidalM2)}</Descriptions.Item>
        <Descriptions.Item label="计算带号">EPSG:{area.epsg}</Descriptions.Item>
      </Descriptions>
      <Region region={analysis.region} />
      <Typography.Text strong>冲突分析</Typography.Text>
      <Findings findings={analysis.findings} selected={selectedFinding} onSelect={onFinding} />
      <Typography.Text data-testid="siting-road">
        最近主要道路：{roads ? `${roads.nearestName ?? '未命名道路'}${roads.grade ? `（${roads.grade}）` : ''}，${formatRoadDistance(roads.distanceM)}` : '范围内无主要道路'}
      </Typography.Text>
      <Typography.Text strong>容量校核</Typography.Text>
      <Capacity capacity={analysis.capacity} />
    </Space>
  );
}
