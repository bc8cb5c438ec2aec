import { CloseOutlined, SearchOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Form, Input, InputNumber, Select, Slider, Space, Typography } from 'antd';
import type { Polygon } from 'geojson';
import { useMemo, useState } from 'react';
import type { RegionCollection } from '../../../api/api.types';
import { recommendSites, type RecommendRequest } from '../../../api/siting.api';
import { CandidateSites, useMapActions } from '../../../map';
import { bboxOfAll } from '../analysis/geometry-bbox';
import { CandidateCompare } from './CandidateCompare';
import { CandidateList } from './CandidateList';
import { CRITERIA, CRITERION_KEYS, DEFAULT_SLIDERS, type Criterion, type Weights } from './recommend-format';
import './recommend.css';

const MAX_COMPARE = 4;

export interface RecommendPanelProps {
  regions: RegionCollection;
  onClose(): void;
  /** 以此为选址: hands a candidate to the 选址分析 panel. */
  onUseSite?(geometry: Polygon, label: string): void;
}

/** 推荐选址: the need (亩, industry, county, road distance, weights) → ranked stock-land candidates on the map. */
export function RecommendPanel({ regions, onClose, onUseSite }: RecommendPanelProps) {
  const [areaMu, setAreaMu] = useState<number | null>(200);
  const [industry, setIndustry] = useState('');
  const [county, setCounty] = useState<string | undefined>();
  const [maxRoad, setMaxRoad] = useState<number | null>(null);
  const [weights, setWeights] = useState<Weights>(DEFAULT_SLIDERS);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [compared, setCompared] = useState<number[]>([]);
  const [comparing, setComparing] = useState(false);
  const actions = useMapActions();

  const counties = useMemo(
    () => regions.features.filter((f) => f.properties.level === 'county').map((f) => ({ value: f.properties.code, label: f.properties.name })),
    [regions],
  );
  const search = useMutation({
    mutationFn: recommendSites,
    onSuccess: (result) => {
      setSelectedId(null);
      setCompared([]);
      const bbox = bboxOfAll(result.candidates.map((c) => c.geometry));
      if (bbox) actions?.fitBounds(bbox, { maxZoom: 14 });
    },
  });
  const candidates = useMemo(() => search.data?.candidates ?? [], [search.data]);
  const sites = useMemo(() => candidates.map((c) => ({ id: c.id, rank: c.rank, geometry: c.geometry })), [candidates]);

  const select = (id: number) => {
    setSelectedId(id);
    const c = candidates.find((x) => x.id === id);
    const bbox = c && bboxOfAll([c.geometry]);
    if (bbox) actions?.fitBounds(bbox, { maxZoom: 15 });
    // A click on the map selects too: bring the list item (and its reasons) into view.
    requestAnimationFrame(() => document.querySelector(`[data-candidate-id="${id}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }));
  };
  const submit = () => {
    if (areaMu == null) return;
    const request: RecommendRequest = { areaMu, weights, limit: 10 };
    if (industry.trim()) request.industry = industry.trim();
    if (county) request.county = county;
    if (maxRoad != null) request.maxRoadDistanceM = maxRoad;
    search.mutate(request);
  };
  const setWeight = (k: Criterion, v: number) => setWeights((w) => ({ ...w, [k]: v }));

  return (
    <Card
      size="small"
      className="map-card recommend-panel"
      data-testid="recommend-panel"
      title="推荐选址"
      extra={<Button type="text" size="small" icon={<CloseOutlined />} onClick={onClose} aria-label="关闭推荐选址" data-testid="recommend-close" />}
    >
      <CandidateSites sites={sites} selectedId={selectedId} onSelect={select} />
      <Form layout="horizontal" size="small" labelCol={{ flex: '96px' }} className="recommend-form" onFinish={submit}>
        <Form.Item label="用地面积" required>
          <InputNumber min={0.1} max={150000} value={areaMu} onChange={setAreaMu} addonAfter="亩" style={{ width: '100%' }} data-testid="recommend-area" />
        </Form.Item>
        <Form.Item label="产业">
          <Input placeholder="GB/T 4754 代码或名称，如 C36" value={industry} onChange={(e) => setIndustry(e.target.value)} allowClear data-testid="recommend-industry" />
        </Form.Item>
        <Form.Item label="县区">
          <Select allowClear placeholder="全市" options={counties} value={county} onChange={setCounty} data-testid="recommend-county" />
        </Form.Item>
        <Form.Item label="距主干道">
          <InputNumber min={1} max={100000} placeholder="不限" value={maxRoad} onChange={setMaxRoad} addonBefore="≤" addonAfter="米" style={{ width: '100%' }} data-testid="recommend-max-road" />
        </Form.Item>
        <Typography.Text type="secondary">评分权重（按比例归一）</Typography.Text>
        {CRITERION_KEYS.map((k) => (
          <Form.Item key={k} label={`${CRITERIA[k]} ${weights[k]}`} className="recommend-weight">
            <Slider min={0} max={100} value={weights[k]} onChange={(v) => setWeight(k, v)} data-testid={`recommend-weight-${k}`} />
          </Form.Item>
        ))}
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={search.isPending} disabled={areaMu == null} data-testid="recommend-submit">
            推荐
          </Button>
          <Button onClick={() => setWeights(DEFAULT_SLIDERS)}>恢复默认权重</Button>
        </Space>
      </Form>
      {search.error && <Alert type="error" showIcon message={search.error.message} data-testid="recommend-error" style={{ marginTop: 8 }} />}
      {search.data && (
        <div className="recommend-result" data-testid="recommend-result">
          <Typography.Paragraph type="secondary" data-testid="recommend-explanation">
            {search.data.explanation}
          </Typography.Paragraph>
          {candidates.length === 0 ? (
            <Empty description="没有符合条件的候选选址" />
          ) : (
            <>
              <Space className="recommend-compare-bar">
                <Typography.Text>已选 {compared.length} / {MAX_COMPARE} 个对比</Typography.Text>
                <Button size="small" disabled={compared.length < 2} onClick={() => setComparing(true)} data-testid="recommend-compare-open">
                  并排对比
                </Button>
              </Space>
              <CandidateList
                candidates={candidates}
                selectedId={selectedId}
                onSelect={select}
                compared={compared}
                onCompared={setCompared}
                maxCompare={MAX_COMPARE}
                onUse={onUseSite && ((c) => c.geometry.type === 'Polygon' && onUseSite(c.geometry, `第 ${c.rank} 名候选（${c.parcel.code ?? `地块 ${c.parcel.id}`}）`))}
              />
            </>
          )}
        </div>
      )}
      <CandidateCompare open={comparing} onClose={() => setComparing(false)} candidates={compared.map((id) => candidates.find((c) => c.id === id)!).filter(Boolean)} />
    </Card>
  );
}
