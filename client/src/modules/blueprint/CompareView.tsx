import { useMemo } from 'react';
import type { LayerInfo } from '../../api/api.types';
import { CompareMaps, type CompareSide, type LayerVisibility } from '../../map';
import { CompareBar } from './CompareBar';
import { overlaysFor } from './layer-catalog';
import type { CompareController } from './use-compare';

function useSide(layer: LayerInfo | null, visible: LayerVisibility[]): CompareSide | null {
  const opacity = visible.find((v) => v.key === layer?.key)?.opacity ?? 1;
  return useMemo(() => {
    if (!layer) return null;
    const [overlay] = overlaysFor([layer], [{ key: layer.key, opacity }]);
    return overlay ? { name: layer.name, overlay } : null;
  }, [layer, opacity]);
}

/** Two layers compared over the whole map area, with the comparison's controls. */
export function CompareView({ compare, layers, visible }: { compare: CompareController; layers: LayerInfo[]; visible: LayerVisibility[] }) {
  const left = useSide(compare.leftLayer, visible);
  const right = useSide(compare.rightLayer, visible);
  if (!compare.state || !left || !right) return null;
  return (
    <>
      <CompareMaps left={left} right={right} mode={compare.state.mode} />
      <CompareBar compare={compare} layers={layers} />
    </>
  );
}
