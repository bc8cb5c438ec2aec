import { formatHash, parseHash, type HashState } from './view-hash';

/** Merges `patch` into the page's URL hash without a history entry (panning must not flood history). */
export function updateLocationHash(patch: Partial<HashState>): void {
  const hash = formatHash(window.location.hash, patch);
  if (hash === window.location.hash) return;
  // replaceState keeps the router's history entry (and its state) and fires no hashchange.
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  window.history.replaceState(window.history.state, '', url);
}

export const readLocationHash = (): HashState => parseHash(window.location.hash);
