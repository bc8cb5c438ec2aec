/**
 * Options and small utilities shared by every layer generator.
 */
import type { FeatureCollection } from 'geojson';
import { prepareCounties, type Frame } from './base.ts';
import { DEFAULT_SEED } from './random.ts';

export interface GeneratorOptions {
  /** global seed; every generator derives its own stream from it (default 371500) */
  seed?: number;
  /** the cleaned county frame; computed from the counties when omitted */
  frame?: Frame;
}

const frameCache = new WeakMap<FeatureCollection, Frame>();

/** the cleaned frame for these counties (memoised per FeatureCollection object) */
export function frameOf(counties: FeatureCollection, options: GeneratorOptions): Frame {
  if (options.frame) return options.frame;
  let f = frameCache.get(counties);
  if (!f) {
    f = prepareCounties(counties);
    frameCache.set(counties, f);
  }
  return f;
}

export function seedOf(options: GeneratorOptions): number {
  return options.seed ?? DEFAULT_SEED;
}

/** rounds to `digits` decimals */
export function roundTo(n: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(n * k) / k;
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
