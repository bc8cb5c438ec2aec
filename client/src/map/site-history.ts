/**
 * Undo/redo of a value that changes in steps (the site: drawn, edited, moved, cleared, imported).
 * Pure: the draw session decides what a step is and applies the value it gets back.
 */
export interface History<T> {
  readonly current: T;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** A new step; drops whatever could have been redone. Equal values (per `same`) are not a step. */
  push(value: T): void;
  /** The value to show after undoing, or undefined when there is nothing to undo (T must not include undefined). */
  undo(): T | undefined;
  redo(): T | undefined;
}

export function createHistory<T>(initial: T, same: (a: T, b: T) => boolean = Object.is, limit = 100): History<T> {
  const past: T[] = [];
  const future: T[] = [];
  let current = initial;
  return {
    get current() {
      return current;
    },
    get canUndo() {
      return past.length > 0;
    },
    get canRedo() {
      return future.length > 0;
    },
    push(value) {
      if (same(current, value)) return;
      past.push(current);
      if (past.length > limit) past.shift();
      future.length = 0;
      current = value;
    },
    undo() {
      if (past.length === 0) return undefined;
      future.push(current);
      current = past.pop() as T;
      return current;
    },
    redo() {
      if (future.length === 0) return undefined;
      past.push(current);
      current = future.pop() as T;
      return current;
    },
  };
}
