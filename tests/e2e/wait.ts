import { setTimeout as pause } from 'node:timers/promises';

export interface PollOptions {
  /** What is waited for, for the error message. */
  what: string;
  timeout?: number;
  /** Pause between probes; the wait ends on the condition, not on this. */
  interval?: number;
}

/**
 * Probes until `done(value)` holds and returns that value (expect.poll for playwright-core): for
 * conditions only the test process can see, or that need an async read in the page. Throws with
 * the last value seen when `timeout` passes first.
 */
export async function poll<T>(probe: () => Promise<T>, done: (value: T) => boolean, { what, timeout = 30_000, interval = 50 }: PollOptions): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}; last seen: ${JSON.stringify(value)}`);
    await pause(interval);
  }
}
