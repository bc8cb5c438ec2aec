import { describe, expect, it } from 'vitest';
import { CAPACITY_COLOURS, capacityClasses, capacityColour, EXHAUSTED_COLOUR, niceStep } from './capacity-classes';

describe('capacity classes', () => {
  it('rounds steps up to 1, 2, 2.5, 5 × 10^k', () => {
    expect([niceStep(0.7), niceStep(13), niceStep(24), niceStep(41), niceStep(168), niceStep(6001)]).toEqual([1, 20, 25, 50, 200, 10000]);
  });

  it('splits 0 … a round bound above the largest value into five classes', () => {
    // Largest 1040 亩: 1040 / 5 = 208 → step 250.
    const classes = capacityClasses([1040, 560, 350, 455]);
    expect(classes.map((c) => [c.from, c.to])).toEqual([[0, 250], [250, 500], [500, 750], [750, 1000], [1000, 1250]]);
    expect(capacityColour(1040, classes)).toBe(CAPACITY_COLOURS[4]);
    expect(capacityColour(250, classes)).toBe(CAPACITY_COLOURS[1]);
    expect(capacityColour(249.9, classes)).toBe(CAPACITY_COLOURS[0]);
    expect(capacityColour(0, classes)).toBe(EXHAUSTED_COLOUR);
  });

  it('keeps one class scale when every county is empty', () => {
    const classes = capacityClasses([0, 0]);
    expect(classes[0]).toEqual({ colour: CAPACITY_COLOURS[0], from: 0, to: 1 });
    expect(capacityColour(0, classes)).toBe(EXHAUSTED_COLOUR);
  });
});
