import { ClearOutlined, CloseOutlined, SearchOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Input, InputNumber, Segmented, Space, Typography } from 'antd';
import type { Polygon } from 'geojson';
import { useEffect, useState } from 'react';
import { analyzeSite } from '../../../api/siting.api';
import type { SiteDrawMode } from '../../../map';
import { measureFigures } from '../measure-figures';
import { areaFigures } from '../measure-format';
import { SitingResult } from './SitingResult';

export interface SitingPanelProps {
  mode: SiteDrawMode;
  geometry: Polygon | null;
  onMode(mode: SiteDrawMode): void;
  onClear(): void;
  onClose(): void;
}

const HINTS: Record<SiteDrawMode, string> = {
  polygon: '单击逐点绘制地块，单击起点或按 Enter 闭合；边线不能自相交。',
  rectangle: '单击一角，移动后再单击对角。',
  circle: '单击圆心，移动后再单击确定半径。',
  edit: '拖动节点或整个地块进行调整，单击边中点可加节点。',
};

/** 选址分析: draw a site, see its area live, then ask the server where it stands. */
export function SitingPanel({ mode, geometry, onMode, onClear, onClose }: SitingPanelProps) {
  const [industry, setIndustry] = useState('');
  const [landMu, setLandMu] = useState<number | null>(null);
  const analysis = useMutation({
    mutationFn: (site: Polygon) => analyzeSite(site, industry.trim() || landMu != null ? { industry: industry.trim() || undefined, landMu: landMu ?? undefined } : undefined),
  });
  const { reset } = analysis;
  // A result belongs to the site it was computed for.
  useEffect(() => reset(), [geometry, reset]);

  const figures = measureFigures(geometry);
  const liveMu = figures?.kind === 'area' ? areaFigures(figures.ellipsoidalM2).mu : null;
  return (
    <Card
      size="small"
      className="map-card siting-panel"
      data-testid="siting-panel"
      title="选址分析"
      extra={<Button type="text" size="small" icon={<CloseOutlined />} onClick={onClose} aria-label="关闭选址分析" data-testid="siting-close" />}
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Segmented
          block
          size="small"
          value={mode}
          onChange={(value) => onMode(value as SiteDrawMode)}
          options={[
            { value: 'polygon', label: <span data-testid="siting-mode-polygon">多边形</span> },
            { value: 'rectangle', label: <span data-testid="siting-mode-rectangle">矩形</span> },
            { value: 'circle', label: <span data-testid="siting-mode-circle">圆形</span> },
            { value: 'edit', label: <span data-testid="siting-mode-edit">编辑</span>, disabled: !geometry },
          ]}
        />
        <Typography.Text type="secondary">{HINTS[mode]}</Typography.Text>
        <div className="measure-figures">
          <span className="measure-label">地块面积 </span>
          <span className="measure-main" data-testid="siting-live-area">
            {liveMu ?? '尚未绘制'}
          </span>
        </div>
        <Space.Compact block>
          <Input size="small" placeholder="行业（可选，如 C26 或名称）" value={industry} onChange={(e) => setIndustry(e.target.value)} data-testid="siting-industry" />
          <InputNumber size="small" min={0} placeholder="用地需求（亩）" value={landMu} onChange={(v) => setLandMu(v)} style={{ width: 140 }} data-testid="siting-land-mu" />
        </Space.Compact>
        <Space>
          <Button type="primary" size="small" icon={<SearchOutlined />} disabled={!geometry} loading={analysis.isPending} onClick={() => geometry && analysis.mutate(geometry)} data-testid="siting-analyze">
            分析
          </Button>
          <Button size="small" icon={<ClearOutlined />} onClick={onClear} disabled={!geometry} data-testid="siting-clear">
            清除
          </Button>
        </Space>
        {analysis.error && <Alert type="error" showIcon message={analysis.error.message} data-testid="siting-error" />}
        {analysis.data && <SitingResult analysis={analysis.data} />}
      </Space>
    </Card>
  );
}
