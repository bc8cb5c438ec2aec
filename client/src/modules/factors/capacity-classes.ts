/** Sequential yellow-green classes: more remaining capacity, deeper green. */
export const CAPACITY_COLOURS = ['#ffffcc', '#c2e699', '#78c679', '#31a354', '#006837'] as const;
/** A county whose account is empty (or overdrawn into nothing left). */
export const EXHAUSTED_COLOUR = '#d9d9d9';

export interface CapacityClass {
  colour: string;
  /** Lower bound (inclusive) and upper bound (exclusive, inclusive for the last class). */
  from: number;
  to: number;
}

/** Rounds a positive step up to 1, 2, 2.5 or 5 × 10^k, so the class bounds read well. */
export function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  const nice = m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10;
  return nice * power;
}

/** Equal classes from 0 to a round bound above the largest value (one class per colour). */
export function capacityClasses(values: readonly number[], count = CAPACITY_COLOURS.length): CapacityClass[] {
  const max = Math.max(0, ...values);
  const step = niceStep(max / count);
  return CAPACITY_COLOURS.slice(0, count).map((colour, i) => ({ colour, from: i * step, to: (i + 1) * step }));
}

/** The colour of a value: exhausted grey for nothing left, else the class it falls in. */
export function capacityColour(value: number, classes: readonly CapacityClass[]): string {
  if (!(value > 0)) return EXHAUSTED_COLOUR;
  const c = classes.find((k, i) => value < k.to || i === classes.length - 1);
  return c?.colour ?? EXHAUSTED_COLOUR;
}
