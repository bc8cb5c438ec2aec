import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../common/src/auth.ts';

describe('password complexity rule (issue 11, item 16)', () => {
  it('accepts ten characters of three classes', () => {
    expect(passwordProblem('Demo#20261')).toBeNull();
    expect(passwordProblem('abcDEF1234')).toBeNull();
    expect(passwordProblem('abcdefgh1#')).toBeNull();
  });
  it('names the problem in Chinese', () => {
    expect(passwordProblem('Demo#2026')).toBe('密码至少 10 位');
    expect(passwordProblem('Ab1#')).toBe('密码至少 10 位');
    expect(passwordProblem('abcdefghij1')).toMatch(/至少三类/);
    expect(passwordProblem('ABCDEFGHIJ')).toMatch(/至少三类/);
    expect(passwordProblem('x'.repeat(129))).toBe('密码最多 128 位');
  });
  it('refuses a password containing the username, whatever the case', () => {
    expect(passwordProblem('Wang.Li#2026', 'wang.li')).toBe('密码不能包含用户名');
    expect(passwordProblem('Other#20261', 'wang.li')).toBeNull();
  });
});
