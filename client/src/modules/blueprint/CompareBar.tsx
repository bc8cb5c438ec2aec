import { CloseOutlined } from '@ant-design/icons';
import { Button, Segmented, Select } from 'antd';
import type { LayerInfo } from '../../api/api.types';
import type { CompareMode } from '../../map';
import type { CompareController } from './use-compare';

/** The controls of an open comparison, floating at the bottom of the compared maps. */
export function CompareBar({ compare, layers }: { compare: CompareController; layers: LayerInfo[] }) {
  const { state } = compare;
  if (!state) return null;
  const options = layers.map((l) => ({ value: l.key, label: l.name }));
  return (
    <div className="map-panel compare-bar" data-testid="compare-bar">
      <span className="map-panel-title">图层对比</span>
      <Segmented
        size="small"
        value={state.mode}
        onChange={(mode) => compare.update({ mode: mode as CompareMode })}
        options={[
          { value: 'swipe', label: <span data-testid="compare-mode-swipe">卷帘</span> },
          { value: 'side', label: <span data-testid="compare-mode-side">分屏</span> },
        ]}
      />
      <span>左</span>
      <Select size="small" className="compare-select" value={state.left} options={options} onChange={(left) => compare.update({ left })} data-testid="compare-left-select" />
      <span>右</span>
      <Select size="small" className="compare-select" value={state.right} options={options} onChange={(right) => compare.update({ right })} data-testid="compare-right-select" />
      <Button size="small" icon={<CloseOutlined />} onClick={compare.stop} data-testid="compare-exit">
        退出对比
      </Button>
    </div>
  );
}
