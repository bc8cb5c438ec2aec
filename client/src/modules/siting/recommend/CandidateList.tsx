import { Button, Checkbox, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import type { RecommendCandidate } from '../../../api/siting.api';
import { formatMu, formatRoadDistance } from '../analysis/siting-format';
import { CUT_LABEL, RECOMMEND_VERDICT, scoreColour } from './recommend-format';

export interface CandidateListProps {
  candidates: RecommendCandidate[];
  selectedId: number | null;
  onSelect(id: number): void;
  compared: number[];
  onCompared(ids: number[]): void;
  maxCompare: number;
  /** 以此为选址 (single polygons only: the drawing tool edits one polygon). */
  onUse?(candidate: RecommendCandidate): void;
}

/** The ranked candidates: number, score bar, area, place, road, verdict and each criterion's reason. */
export function CandidateList({ candidates, selectedId, onSelect, compared, onCompared, maxCompare, onUse }: CandidateListProps) {
  return (
    <div className="recommend-list" data-testid="recommend-list">
      {candidates.map((c) => {
        const checked = compared.includes(c.id);
        const verdict = RECOMMEND_VERDICT[c.verdict.result];
        return (
          <div
            key={c.id}
            className={`recommend-item${c.id === selectedId ? ' recommend-item-selected' : ''}`}
            data-testid={`recommend-item-${c.rank}`}
            data-candidate-id={c.id}
            onClick={() => onSelect(c.id)}
          >
            <div className="recommend-item-head">
              <span className="recommend-rank">{c.rank}</span>
              <Progress percent={c.score} size="small" strokeColor={scoreColour(c.score)} format={(p) => `${p?.toFixed(1)} 分`} style={{ flex: 1, margin: 0 }} data-testid="recommend-score" />
              <Tooltip title={checked || compared.length < maxCompare ? '加入对比' : `最多对比 ${maxCompare} 个`}>
                <Checkbox
                  checked={checked}
                  disabled={!checked && compared.length >= maxCompare}
                  onClick={(e) => e.stopPropagation()}
                  onChange={(e) => onCompared(e.target.checked ? [...compared, c.id] : compared.filter((id) => id !== c.id))}
                  data-testid={`recommend-compare-${c.rank}`}
                >
                  对比
                </Checkbox>
              </Tooltip>
            </div>
            <Space size={4} wrap>
              <Tag color={verdict.color}>{verdict.text}</Tag>
              <Tag>{CUT_LABEL[c.cut]}</Tag>
              <Typography.Text strong>{formatMu(c.area.mu)}</Typography.Text>
              <Typography.Text type="secondary">
                {c.county?.name ?? ''} · {c.parcel.code ?? `地块 ${c.parcel.id}`}
                {c.cut === 'part' ? `（共 ${formatMu(c.parcel.areaMu)}）` : ''}
              </Typography.Text>
            </Space>
            <div className="recommend-place">
              {c.park ? c.park.name : c.zone ? c.zone.name : '不在园区内'}
              {c.road ? ` · 距${c.road.name ?? '主要道路'} ${formatRoadDistance(c.road.distanceM)}` : ''}
            </div>
            {c.id === selectedId && (
              <ul className="recommend-reasons" data-testid="recommend-reasons">
                {c.contributions.map((k) => (
                  <li key={k.criterion}>
                    <b>{k.name}</b> {k.points.toFixed(1)} 分（权重 {(k.weight * 100).toFixed(0)}%）：{k.reason}
                  </li>
                ))}
                {c.findings.map((f, i) => (
                  <li key={`f${i}`} className="recommend-finding">
                    {f.message}
                  </li>
                ))}
              </ul>
            )}
            {c.id === selectedId && onUse && (
              <Tooltip title={c.geometry.type === 'Polygon' ? '在选址分析中打开，可编辑后分析' : '该候选由多个分离的部分组成，无法作为单个选址范围编辑'}>
                <Button
                  size="small"
                  type="primary"
                  ghost
                  disabled={c.geometry.type !== 'Polygon'}
                  onClick={(e) => {
                    e.stopPropagation();
                    onUse(c);
                  }}
                  data-testid="recommend-use-site"
                >
                  以此为选址
                </Button>
              </Tooltip>
            )}
          </div>
        );
      })}
    </div>
  );
}
