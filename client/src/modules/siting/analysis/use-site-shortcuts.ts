import { useEffect, useRef } from 'react';
import { siteShortcut } from './site-shortcuts';

/** Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y anywhere on the page while the siting panel is open. */
export function useSiteShortcuts(handlers: { undo(): void; redo(): void }) {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = siteShortcut(event);
      if (!action) return;
      event.preventDefault();
      latest.current[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
