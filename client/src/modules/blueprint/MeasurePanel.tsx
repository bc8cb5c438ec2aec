import { ClearOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import type { MeasureGeometry, MeasureKind } from '../../map';
import { measureFigures } from './measure-figures';
import { areaFigures, formatDistance } from './measure-format';
import { ToolModeBar, type ToolMode } from './ToolModeBar';

export interface MeasurePanelProps {
  kind: MeasureKind;
  geometry: MeasureGeometry | null;
  onKind(kind: MeasureKind): void;
  onClear(): void;
  onClose(): void;
}

const MODES: ToolMode<MeasureKind>[] = [
  { value: 'distance', label: '距离' },
  { value: 'area', label: '面积' },
];

const HINTS: Record<MeasureKind, string> = {
  distance: '单击地图逐点绘制折线，双击或按 Enter 结束，Esc 取消。',
  area: '单击地图逐点绘制多边形，单击起点或按 Enter 闭合，Esc 取消。',
};

function Figures({ geometry }: { geometry: MeasureGeometry | null }) {
  const figures = measureFigures(geometry);
  if (!figures) return <Typography.Text type="secondary">尚未绘制</Typography.Text>;
  if (figures.kind === 'distance') {
    return (
      <div className="measure-figures" data-testid="measure-result">
        <div className="measure-main" data-testid="measure-distance">
          {formatDistance(figures.metres)}
        </div>
        <div className="measure-note">椭球面（CGCS2000）大地线长度，{figures.vertices} 个节点</div>
      </div>
    );
  }
  const ellipsoidal = areaFigures(figures.ellipsoidalM2);
  const planar = areaFigures(figures.planarM2);
  return (
    <div className="measure-figures" data-testid="measure-result">
      <div className="measure-label">椭球面积</div>
      <div className="measure-main" data-testid="measure-area-mu">
        {ellipsoidal.mu}
      </div>
      <div data-testid="measure-area-ha">{ellipsoidal.ha}</div>
      <div data-testid="measure-area-m2">{ellipsoidal.m2}</div>
      <div className="measure-note" data-testid="measure-area-planar">
        高斯平面面积（{figures.zone} 带）：{planar.mu}（{planar.m2}）
      </div>
      <div className="measure-note">周长 {formatDistance(figures.perimetreM)}；正式面积以系统分析结果为准</div>
    </div>
  );
}

/** 测量: a line's length or a polygon's area, live while drawing. */
export function MeasurePanel({ kind, geometry, onKind, onClear, onClose }: MeasurePanelProps) {
  return (
    <Card
      size="small"
      className="map-card measure-panel"
      data-testid="measure-panel"
      title="测量"
      extra={<Button type="text" size="small" icon={<CloseOutlined />} onClick={onClose} aria-label="关闭测量" data-testid="measure-close" />}
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <ToolModeBar value={kind} onChange={onKind} testId="measure-kind" modes={MODES} />
        <Typography.Text type="secondary" className="measure-hint">
          {HINTS[kind]}
        </Typography.Text>
        <Figures geometry={geometry} />
        <Button size="small" icon={<ClearOutlined />} onClick={onClear} disabled={!geometry} data-testid="measure-clear">
          清除
        </Button>
      </Space>
    </Card>
  );
}
