import { describe, expect, it } from 'vitest';
import type { UserScope } from '../api/api.types';
import { describeScope } from './scope-label';

const empty: UserScope = { level: 'city', regionCode: null, regionName: null, departmentCode: null, departmentName: null };

describe('describeScope', () => {
  it('names the city level', () => {
    expect(describeScope({ ...empty, regionCode: '371500', regionName: '聊城市' })).toBe('聊城市（市级）');
  });
  it('names the county a county user is bound to', () => {
    expect(describeScope({ ...empty, level: 'county', regionCode: '371503', regionName: '茌平区' })).toBe('茌平区（县级）');
  });
  it('names the department, with its region when it has one', () => {
    const scope: UserScope = { ...empty, level: 'department', departmentCode: 'zrzy', departmentName: '市自然资源和规划局' };
    expect(describeScope(scope)).toBe('市自然资源和规划局');
    expect(describeScope({ ...scope, regionName: '聊城市' })).toBe('市自然资源和规划局（聊城市）');
  });
});
