import type { GeoJSONStoreFeatures, TerraDraw } from 'terra-draw';

type FeatureId = string | number;

/** terra-draw stores its guidance points (closing, snapping, selection, midpoints) as features too. */
export const isGuidance = (feature: GeoJSONStoreFeatures): boolean => {
  const p = feature.properties;
  return !!(p.closingPoint || p.snappingPoint || p.coordinatePoint || p.selectionPoint || p.midPoint);
};

export interface NewestShape {
  /** The id of the shape kept, or null. */
  readonly id: FeatureId | null;
  /** Forget the current shape (after draw.clear()). */
  reset(): void;
}

/**
 * One shape at a time: when a new shape is created the older ones are removed, and `onChange` runs
 * after every change of the store (so figures follow the pointer while drawing).
 */
export function keepNewestShape(draw: TerraDraw, isShape: (feature: GeoJSONStoreFeatures) => boolean, onChange: () => void): NewestShape {
  let currentId: FeatureId | null = null;
  const shape = (id: FeatureId) => {
    const feature = draw.getSnapshotFeature(id);
    return !!feature && !isGuidance(feature) && isShape(feature);
  };
  draw.on('change', (ids, type) => {
    if (type === 'create') {
      const created = ids.find(shape);
      if (created !== undefined) {
        currentId = created;
        const older = draw
          .getSnapshot()
          .map((f) => f.id)
          .filter((id): id is FeatureId => id !== undefined && id !== created && shape(id));
        // Not from inside terra-draw's own change notification.
        if (older.length) queueMicrotask(() => draw.removeFeatures(older.filter((id) => draw.hasFeature(id))));
      }
    }
    if (type === 'delete' && currentId !== null && ids.includes(currentId)) currentId = null;
    onChange();
  });
  return {
    get id() {
      return currentId;
    },
    reset() {
      currentId = null;
    },
  };
}
