import { Modal, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import type { RecommendCandidate } from '../../../api/siting.api';
import { formatMu, formatRoadDistance } from '../analysis/siting-format';
import { CandidateShape } from './CandidateShape';
import { contributionOf, CRITERIA, CRITERION_KEYS, CUT_LABEL, RECOMMEND_VERDICT } from './recommend-format';

interface Row {
  key: string;
  label: string;
  cells: ReactNode[];
}

/** Up to four candidates side by side: a drawing of each, then one row per figure. */
export function CandidateCompare({ candidates, open, onClose }: { candidates: RecommendCandidate[]; open: boolean; onClose(): void }) {
  const rows: Row[] = [
    { key: 'shape', label: '形状', cells: candidates.map((c) => <CandidateShape key={c.id} geometry={c.geometry} testId={`recommend-shape-${c.rank}`} />) },
    { key: 'score', label: '总分', cells: candidates.map((c) => <b key={c.id}>{c.score.toFixed(1)}</b>) },
    { key: 'area', label: '面积', cells: candidates.map((c) => `${formatMu(c.area.mu)}（${CUT_LABEL[c.cut]}，EPSG:${c.area.epsg}）`) },
    ...CRITERION_KEYS.map((k) => ({
      key: k,
      label: CRITERIA[k],
      cells: candidates.map((c) => {
        const x = contributionOf(c, k);
        return x ? `${x.points.toFixed(1)} 分 — ${x.reason}` : '—';
      }),
    })),
    { key: 'roadDistance', label: '距主要道路', cells: candidates.map((c) => (c.road ? `${formatRoadDistance(c.road.distanceM)}（${c.road.name ?? '未命名'}）` : '—')) },
    { key: 'park', label: '园区', cells: candidates.map((c) => c.park?.name ?? c.zone?.name ?? '不在园区内') },
    { key: 'county', label: '县区', cells: candidates.map((c) => c.county?.name ?? '—') },
    {
      key: 'verdict',
      label: '结论',
      cells: candidates.map((c) => (
        <span key={c.id}>
          <Tag color={RECOMMEND_VERDICT[c.verdict.result].color}>{RECOMMEND_VERDICT[c.verdict.result].text}</Tag>
          {c.verdict.result === 'adjust' ? c.verdict.rule : ''}
        </span>
      )),
    },
  ];
  return (
    <Modal open={open} onCancel={onClose} footer={null} width={Math.min(1100, 220 + 220 * candidates.length)} title={`候选选址对比（${candidates.length} 个）`} destroyOnHidden>
      <Table<Row>
        size="small"
        bordered
        pagination={false}
        dataSource={rows}
        data-testid="recommend-compare-table"
        onRow={(r) => ({ 'data-testid': `recommend-compare-row-${r.key}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '', dataIndex: 'label', key: 'label', width: 90, render: (v: string) => <b>{v}</b> },
          ...candidates.map((c, i) => ({ title: `第 ${c.rank} 名`, key: String(c.id), width: 220, render: (_: unknown, r: Row) => r.cells[i] })),
        ]}
      />
    </Modal>
  );
}
