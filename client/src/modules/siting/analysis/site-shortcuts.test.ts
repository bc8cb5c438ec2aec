import { describe, expect, it } from 'vitest';
import { siteShortcut } from './site-shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}, target: unknown = null) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
  target: target as EventTarget | null,
});

describe('siteShortcut', () => {
  it('maps Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y and the ⌘ variants', () => {
    expect(siteShortcut(key('z', { ctrlKey: true }))).toBe('undo');
    expect(siteShortcut(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(siteShortcut(key('y', { ctrlKey: true }))).toBe('redo');
    expect(siteShortcut(key('z', { metaKey: true }))).toBe('undo');
  });

  it('ignores plain keys, Alt combinations and typing in a field', () => {
    expect(siteShortcut(key('z'))).toBeNull();
    expect(siteShortcut(key('z', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(siteShortcut(key('x', { ctrlKey: true }))).toBeNull();
    expect(siteShortcut(key('z', { ctrlKey: true }, { tagName: 'INPUT' }))).toBeNull();
    expect(siteShortcut(key('z', { ctrlKey: true }, { tagName: 'DIV', isContentEditable: true }))).toBeNull();
  });
});
