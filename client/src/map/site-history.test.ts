import { describe, expect, it } from 'vitest';
import { createHistory } from './site-history';

describe('createHistory', () => {
  it('undoes and redoes steps in order, null being a value (a cleared site)', () => {
    const h = createHistory<string | null>(null);
    expect(h.canUndo).toBe(false);
    h.push('drawn');
    h.push('moved');
    h.push(null);
    expect(h.undo()).toBe('moved');
    expect(h.undo()).toBe('drawn');
    expect(h.undo()).toBe(null);
    expect(h.canUndo).toBe(false);
    expect(h.undo()).toBeUndefined();
    expect(h.redo()).toBe('drawn');
    expect(h.redo()).toBe('moved');
    expect(h.redo()).toBe(null);
    expect(h.redo()).toBeUndefined();
  });

  it('drops the redo branch on a new step and ignores repeated values', () => {
    const h = createHistory<number>(0);
    h.push(1);
    h.push(2);
    h.undo();
    expect(h.canRedo).toBe(true);
    h.push(3);
    expect(h.canRedo).toBe(false);
    h.push(3);
    expect(h.undo()).toBe(1);
    expect(h.undo()).toBe(0);
  });

  it('keeps at most `limit` steps', () => {
    const h = createHistory<number>(0, Object.is, 2);
    [1, 2, 3, 4].forEach((n) => h.push(n));
    expect(h.undo()).toBe(3);
    expect(h.undo()).toBe(2);
    expect(h.undo()).toBeUndefined();
  });
});
