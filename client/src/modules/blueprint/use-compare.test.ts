import { describe, expect, it } from 'vitest';
import { initialPair } from './use-compare';

describe('initialPair', () => {
  const tree = ['redline', 'farmland', 'tdb', 'stock'];

  it('compares the two visible layers highest in the tree', () => {
    expect(initialPair(tree, ['stock', 'farmland', 'tdb'])).toEqual(['farmland', 'tdb']);
  });

  it('fills up with the tree order when fewer than two are visible', () => {
    expect(initialPair(tree, ['stock'])).toEqual(['stock', 'redline']);
    expect(initialPair(tree, [])).toEqual(['redline', 'farmland']);
    expect(initialPair(['only'], [])).toBeNull();
  });
});
