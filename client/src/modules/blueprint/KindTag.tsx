import { Tag } from 'antd';
import type { LayerKind } from '../../api/api.types';
import { KIND_TAG_COLOURS, LAYER_KIND_LABELS } from './layer-catalog';

export function KindTag({ kind }: { kind: LayerKind }) {
  return (
    <Tag className="kind-tag" color={KIND_TAG_COLOURS[kind]} data-testid="kind-tag">
      {LAYER_KIND_LABELS[kind] ?? kind}
    </Tag>
  );
}
