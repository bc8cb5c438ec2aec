import { useCallback, useEffect, useMemo, useState } from 'react';
import { readLocationHash, updateLocationHash, type LayerVisibility } from '../../map';

export interface LayerVisibilityState {
  /** Visible layers and their opacity, as in the URL. */
  visible: LayerVisibility[];
  isVisible(key: string): boolean;
  opacityOf(key: string): number;
  setVisible(key: string, on: boolean): void;
  setOpacity(key: string, opacity: number): void;
}

const HASH_DELAY_MS = 250;

/**
 * Which thematic layers are on, with their opacity, kept in the URL hash (`layers=a,b:60`) so a link
 * reopens them. Opacity of a layer turned off is remembered for when it comes back.
 */
export function useLayerVisibility(): LayerVisibilityState {
  const [on, setOn] = useState<string[]>(() => (readLocationHash().layers ?? []).map((l) => l.key));
  const [opacity, setOpacityMap] = useState<Record<string, number>>(() =>
    Object.fromEntries((readLocationHash().layers ?? []).map((l) => [l.key, l.opacity])),
  );

  const visible = useMemo(() => on.map((key) => ({ key, opacity: opacity[key] ?? 1 })), [on, opacity]);

  // Opacity sliders fire many changes; the URL is written once they settle.
  useEffect(() => {
    const timer = window.setTimeout(() => updateLocationHash({ layers: visible }), HASH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [visible]);

  // A link pasted into the address bar of an open page.
  useEffect(() => {
    const onHashChange = () => {
      const layers = readLocationHash().layers;
      if (!layers) return;
      setOn(layers.map((l) => l.key));
      setOpacityMap((current) => ({ ...current, ...Object.fromEntries(layers.map((l) => [l.key, l.opacity])) }));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const setVisible = useCallback((key: string, show: boolean) => {
    setOn((current) => (show ? (current.includes(key) ? current : [...current, key]) : current.filter((k) => k !== key)));
  }, []);
  const setOpacity = useCallback((key: string, value: number) => setOpacityMap((current) => ({ ...current, [key]: value })), []);

  return {
    visible,
    isVisible: (key) => on.includes(key),
    opacityOf: (key) => opacity[key] ?? 1,
    setVisible,
    setOpacity,
  };
}
