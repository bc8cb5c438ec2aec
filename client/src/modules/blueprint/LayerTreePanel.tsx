import { Collapse, Empty, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import type { LayerInfo } from '../../api/api.types';
import { useMapActions, useMapZoom } from '../../map';
import { groupLayers } from './layer-catalog';
import { LayerRow } from './LayerRow';
import type { LayerVisibilityState } from './use-layer-visibility';

export interface LayerTreePanelProps {
  layers: LayerInfo[] | undefined;
  loading: boolean;
  error: Error | null;
  state: LayerVisibilityState;
}

/** 图层目录: the thematic layers by group, each with on/off, opacity, legend and zoom. */
export function LayerTreePanel({ layers, loading, error, state }: LayerTreePanelProps) {
  const actions = useMapActions();
  const mapZoom = useMapZoom();
  const groups = useMemo(() => groupLayers(layers ?? []), [layers]);
  const defaultOpen = groups.filter((g) => g.layers.length).map((g) => g.group);
  // Zooming to a layer that is off would show nothing new: turn it on as well.
  const zoomTo = (layer: LayerInfo) => {
    if (!layer.bbox || !actions) return;
    state.setVisible(layer.key, true);
    actions.fitBounds(layer.bbox);
  };

  if (loading) return <Spin className="layer-tree-status" description="正在加载图层…" />;
  if (error) return <Typography.Text type="danger">图层目录加载失败：{error.message}</Typography.Text>;
  if (!layers?.length) return <Empty description="暂无可查看的图层" />;

  return (
    <Collapse
      size="small"
      className="layer-tree"
      defaultActiveKey={defaultOpen}
      data-testid="layer-tree"
      items={groups.map(({ group, layers: members }) => {
        const on = members.filter((l) => state.isVisible(l.key)).length;
        return {
          key: group,
          collapsible: members.length ? undefined : ('disabled' as const),
          label: (
            <span className="layer-group-label" data-testid={`layer-group-${group}`}>
              {group}
              <span className="layer-group-count">{members.length ? `${on}/${members.length}` : '暂无图层'}</span>
            </span>
          ),
          children: members.map((layer) => (
            <LayerRow
              key={layer.key}
              layer={layer}
              visible={state.isVisible(layer.key)}
              opacity={state.opacityOf(layer.key)}
              onToggle={(show) => state.setVisible(layer.key, show)}
              onOpacity={(value) => state.setOpacity(layer.key, value)}
              onZoom={actions && layer.bbox ? () => zoomTo(layer) : undefined}
              mapZoom={mapZoom}
            />
          )),
        };
      })}
    />
  );
}
