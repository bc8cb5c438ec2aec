import type { User, UserScope } from '../api/api.types';

/** How a user's data scope reads in the header, e.g. "聊城市（市级）" or "东昌府区（县级）". */
export function describeScope(scope: UserScope): string {
  switch (scope.level) {
    case 'city':
      return `${scope.regionName ?? '聊城市'}（市级）`;
    case 'county':
      return `${scope.regionName ?? '区县'}（县级）`;
    case 'department': {
      const department = scope.departmentName ?? '部门';
      return scope.regionName ? `${department}（${scope.regionName}）` : department;
    }
    default:
      return '';
  }
}

export function roleNames(user: User): string[] {
  return user.roles.map((r) => r.name);
}
