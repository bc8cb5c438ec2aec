import { ColumnWidthOutlined, ExpandAltOutlined, GatewayOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import type { MeasureKind } from '../../map';

export interface MapToolbarProps {
  measure: MeasureKind | null;
  onMeasure(kind: MeasureKind | null): void;
  canCompare: boolean;
  onCompare(): void;
  /** More tools from other features of the page (import, export, print). */
  extra?: ReactNode;
}

export function MapToolbar({ measure, onMeasure, canCompare, onCompare, extra }: MapToolbarProps) {
  const toggle = (kind: MeasureKind) => onMeasure(measure === kind ? null : kind);
  return (
    <div className="map-panel map-toolbar" data-testid="map-toolbar">
      <Tooltip title="测量距离">
        <Button size="small" type={measure === 'distance' ? 'primary' : 'default'} icon={<ExpandAltOutlined />} onClick={() => toggle('distance')} data-testid="tool-measure-distance">
          测距
        </Button>
      </Tooltip>
      <Tooltip title="测量面积（亩、公顷）">
        <Button size="small" type={measure === 'area' ? 'primary' : 'default'} icon={<GatewayOutlined />} onClick={() => toggle('area')} data-testid="tool-measure-area">
          测面
        </Button>
      </Tooltip>
      <Tooltip title={canCompare ? '两个图层卷帘或分屏对比' : '至少需要两个图层'}>
        <Button size="small" icon={<ColumnWidthOutlined />} disabled={!canCompare} onClick={onCompare} data-testid="tool-compare">
          对比
        </Button>
      </Tooltip>
      {extra}
    </div>
  );
}
