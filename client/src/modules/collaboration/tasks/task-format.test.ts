import { describe, expect, it } from 'vitest';
import { departmentName, opinionProblem, sortTasks } from './task-format';

const t = (id: number, dueAt: string, overdue: boolean, verdict: 'agree' | null = null, answeredAt: string | null = null) => ({ id, dueAt, overdue, verdict, answeredAt });

describe('task format', () => {
  it('puts overdue, then earliest open tasks first and answered ones last', () => {
    const sorted = sortTasks([t(1, '2026-12-05', false), t(2, '2026-12-03', false), t(3, '2026-11-20', true), t(4, '2026-11-01', false, 'agree', '2026-11-02T00:00:00Z'), t(5, '2026-11-01', false, 'agree', '2026-11-05T00:00:00Z')]);
    expect(sorted.map((x) => x.id)).toEqual([3, 2, 1, 5, 4]);
  });

  it('checks an opinion like the server does', () => {
    expect(opinionProblem(null, '同意', '')).toBe('请选择审查结论');
    expect(opinionProblem('agree', ' ', '')).toBe('请填写审查意见');
    expect(opinionProblem('conditional', '原则同意', '')).toBe('有条件同意须写明条件');
    expect(opinionProblem('disagree', '占用基本农田', '')).toBeNull();
  });

  it('names the department', () => {
    expect(departmentName({ department: { code: 'zrzy', name: '市自然资源和规划局' } })).toBe('市自然资源和规划局');
    expect(departmentName({ department: '市生态环境局' })).toBe('市生态环境局');
  });
});
