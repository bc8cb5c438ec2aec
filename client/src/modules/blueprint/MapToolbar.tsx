import { AimOutlined, BulbOutlined, ColumnWidthOutlined, ExpandAltOutlined, GatewayOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import type { MeasureKind } from '../../map';

export interface MapToolbarProps {
  measure: MeasureKind | null;
  onMeasure(kind: MeasureKind | null): void;
  /** 选址分析 open; undefined = the user may not use it (no `siting.use`). */
  siting?: boolean;
  onSiting?(): void;
  /** 推荐选址 open; undefined = not allowed (no `siting.use`). */
  recommend?: boolean;
  onRecommend?(): void;
  canCompare: boolean;
  onCompare(): void;
  /** More tools from other features of the page (import, export, print). */
  extra?: ReactNode;
}

export function MapToolbar({ measure, onMeasure, siting, onSiting, recommend, onRecommend, canCompare, onCompare, extra }: MapToolbarProps) {
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
      {siting !== undefined && (
        <Tooltip title="绘制地块，分析冲突、区域与容量">
          <Button size="small" type={siting ? 'primary' : 'default'} icon={<AimOutlined />} onClick={onSiting} data-testid="tool-siting">
            选址分析
          </Button>
        </Tooltip>
      )}
      {recommend !== undefined && (
        <Tooltip title="按面积、产业、区位从存量土地中推荐候选选址">
          <Button size="small" type={recommend ? 'primary' : 'default'} icon={<BulbOutlined />} onClick={onRecommend} data-testid="tool-recommend">
            推荐选址
          </Button>
        </Tooltip>
      )}
      <Tooltip title={canCompare ? '两个图层卷帘或分屏对比' : '至少需要两个图层'}>
        <Button size="small" icon={<ColumnWidthOutlined />} disabled={!canCompare} onClick={onCompare} data-testid="tool-compare">
          对比
        </Button>
      </Tooltip>
      {extra}
    </div>
  );
}
