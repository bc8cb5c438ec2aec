import { useState } from 'react';
import type { LayerInfo } from '../../api/api.types';
import type { CompareMode } from '../../map';

export interface CompareState {
  mode: CompareMode;
  left: string;
  right: string;
}

/**
 * The pair to start a comparison with: the two topmost visible layers when there are two, else
 * the visible one against another layer, else the first two layers of the tree.
 */
export function initialPair(treeKeys: string[], visibleKeys: string[]): [string, string] | null {
  const visibleInTree = treeKeys.filter((k) => visibleKeys.includes(k));
  const candidates = [...visibleInTree, ...treeKeys.filter((k) => !visibleInTree.includes(k))];
  const [left, right] = candidates;
  return left && right ? [left, right] : null;
}

export function useCompare(layers: LayerInfo[], treeKeys: string[], visibleKeys: string[]) {
  const [state, setState] = useState<CompareState | null>(null);
  const byKey = (key: string) => layers.find((l) => l.key === key) ?? null;
  return {
    state,
    canCompare: layers.length >= 2,
    start(mode: CompareMode = 'swipe') {
      const pair = initialPair(treeKeys, visibleKeys);
      if (pair) setState({ mode, left: pair[0], right: pair[1] });
    },
    update: (patch: Partial<CompareState>) => setState((current) => (current ? { ...current, ...patch } : current)),
    stop: () => setState(null),
    leftLayer: state ? byKey(state.left) : null,
    rightLayer: state ? byKey(state.right) : null,
  };
}

export type CompareController = ReturnType<typeof useCompare>;
