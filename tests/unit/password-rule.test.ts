import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../common/src/auth.ts';

describe('password complexity rule', () => {
  it('accepts eight characters of three classes', () => {
    expect(passwordProblem('Demo#2026')).toBeNull();
    expect(passwordProblem('abcDEF12')).toBeNull();
  });
  it('names the problem in Chinese', () => {
    expect(passwordProblem('Ab1#')).toBe('密码至少 8 位');
    expect(passwordProblem('abcdefgh1')).toMatch(/至少三类/);
    expect(passwordProblem('ABCDEFGH')).toMatch(/至少三类/);
  });
});
