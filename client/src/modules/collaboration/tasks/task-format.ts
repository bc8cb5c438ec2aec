import type { TaskListItem, VerdictKey } from '../../../api/projects.api';

/** The department of a task, whatever shape the list gives it in. */
export const departmentName = (t: Pick<TaskListItem, 'department'>): string => (typeof t.department === 'string' ? t.department : t.department.name);

/** Open tasks first, the overdue ones and then the earliest deadlines on top; answered ones after, latest first. */
export function sortTasks<T extends Pick<TaskListItem, 'id' | 'dueAt' | 'overdue' | 'verdict' | 'answeredAt'>>(tasks: readonly T[]): T[] {
  return [...tasks].sort((a, b) => {
    const aOpen = a.verdict === null;
    const bOpen = b.verdict === null;
    if (aOpen !== bOpen) return aOpen ? -1 : 1;
    if (aOpen) {
      if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
      return a.dueAt.localeCompare(b.dueAt) || a.id - b.id;
    }
    return (b.answeredAt ?? '').localeCompare(a.answeredAt ?? '') || b.id - a.id;
  });
}

/** The Chinese reason an opinion cannot be sent yet, or null (the server checks again). */
export function opinionProblem(verdict: VerdictKey | null, text: string, conditions: string): string | null {
  if (!verdict) return '请选择审查结论';
  if (text.trim().length < 2) return '请填写审查意见';
  if (verdict === 'conditional' && !conditions.trim()) return '有条件同意须写明条件';
  return null;
}
