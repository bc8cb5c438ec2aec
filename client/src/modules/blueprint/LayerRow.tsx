import { ExpandOutlined } from '@ant-design/icons';
import { Button, Checkbox, Slider, Tag, Tooltip } from 'antd';
import type { LayerInfo } from '../../api/api.types';
import { KindTag } from './KindTag';
import { LayerSwatch } from './LayerSwatch';

export interface LayerRowProps {
  layer: LayerInfo;
  visible: boolean;
  opacity: number;
  onToggle(on: boolean): void;
  onOpacity(opacity: number): void;
  onZoom?: () => void;
  /** The map's zoom, to say when a dense layer is not drawn yet. */
  mapZoom: number | null;
}

function LayerDetails({ layer }: { layer: LayerInfo }) {
  return (
    <div className="layer-details">
      <div>{layer.description || layer.name}</div>
      <div>要素数量：{layer.featureCount.toLocaleString('zh-CN')} 个{layer.minZoom > 0 ? `（第 ${layer.minZoom} 级起显示）` : ''}</div>
      <div>数据日期：{layer.dataDate ?? '未注明'}</div>
      <div>来源部门：{layer.sourceDepartment?.name ?? '未注明'}</div>
      <div>版本：第 {layer.version} 版</div>
      {layer.isDemo && <div>演示数据：按真实规律生成，不代表实际规划</div>}
    </div>
  );
}

export function LayerRow({ layer, visible, opacity, onToggle, onOpacity, onZoom, mapZoom }: LayerRowProps) {
  const tooFar = visible && mapZoom !== null && layer.minZoom > 0 && mapZoom < layer.minZoom;
  return (
    <div className={`layer-row${visible ? ' layer-row-on' : ''}`} data-testid={`layer-row-${layer.key}`}>
      <div className="layer-row-main">
        <Checkbox checked={visible} onChange={(e) => onToggle(e.target.checked)} data-testid={`layer-toggle-${layer.key}`} aria-label={`显示${layer.name}`} />
        <LayerSwatch layer={layer} />
        <Tooltip title={<LayerDetails layer={layer} />} placement="right">
          <span className="layer-name" data-testid="layer-name" onClick={() => onToggle(!visible)}>
            {layer.name}
          </span>
        </Tooltip>
        <KindTag kind={layer.kind} />
        {layer.isDemo && (
          <Tooltip title="演示数据：按真实规律生成，不代表实际规划">
            <Tag className="demo-tag" color="gold" data-testid="demo-tag">
              演示
            </Tag>
          </Tooltip>
        )}
        <span className="layer-row-spacer" />
        <span className="layer-count" title="要素数量">
          {layer.featureCount.toLocaleString('zh-CN')}
        </span>
        <Tooltip title={layer.bbox ? '缩放至图层' : '图层暂无要素'}>
          <Button
            size="small"
            type="text"
            icon={<ExpandOutlined />}
            disabled={!layer.bbox || !onZoom}
            onClick={onZoom}
            aria-label="缩放至图层"
            data-testid={`layer-zoom-${layer.key}`}
          />
        </Tooltip>
      </div>
      {tooFar && (
        <div className="layer-row-hint" data-testid={`layer-hint-${layer.key}`}>
          要素较多，放大到第 {layer.minZoom} 级后显示
        </div>
      )}
      {visible && (
        <div className="layer-row-opacity" data-testid={`layer-opacity-${layer.key}`}>
          <span>不透明度</span>
          <Slider
            min={0}
            max={100}
            value={Math.round(opacity * 100)}
            onChange={(value) => onOpacity(value / 100)}
            tooltip={{ formatter: (value) => `${value}%` }}
            aria-label={`${layer.name}不透明度`}
          />
          <span className="layer-opacity-value">{Math.round(opacity * 100)}%</span>
        </div>
      )}
    </div>
  );
}
