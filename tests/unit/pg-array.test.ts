import { describe, expect, it } from 'vitest';
import { pgArray } from '../../server/src/db/pg-array.ts';

describe('pgArray', () => {
  it('writes numbers bare and strings quoted with " and \\ escaped', () => {
    expect(pgArray([1, 22, 333])).toBe('{1,22,333}');
    expect(pgArray([])).toBe('{}');
    expect(pgArray(['a', 'b,c', 'say "hi"', 'back\\slash', 'NULL', '{x}'])).toBe('{"a","b,c","say \\"hi\\"","back\\\\slash","NULL","{x}"}');
  });
});
