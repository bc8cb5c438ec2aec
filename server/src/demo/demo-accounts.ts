/** One demo account per role; reviewers one per department. Passwords come from DEMO_PASSWORD. */
export interface DemoAccount {
  username: string;
  displayName: string;
  roles: string[];
  regionCode?: string;
  departmentCode?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员（演示）', roles: ['system_admin'] },
  { username: 'security', displayName: '安全管理员（演示）', roles: ['security_admin'] },
  { username: 'auditor', displayName: '安全审计员（演示）', roles: ['auditor'] },
  { username: 'city', displayName: '市指挥部调度员（演示）', roles: ['city_command'], regionCode: '371500' },
  { username: 'planner', displayName: '东昌府区谋划专员（演示）', roles: ['county_planner'], regionCode: '371502' },
  { username: 'leader', displayName: '市领导（演示）', roles: ['leader'], regionCode: '371500' },
  { username: 'commissioner', displayName: '东昌府区服务专员（演示）', roles: ['commissioner'], regionCode: '371502' },
  { username: 'zrzy', displayName: '自然资源和规划局审查员（演示）', roles: ['reviewer'], departmentCode: 'zrzy' },
  { username: 'sthj', displayName: '生态环境局审查员（演示）', roles: ['reviewer'], departmentCode: 'sthj' },
  { username: 'fgw', displayName: '发展改革委审查员（演示）', roles: ['reviewer'], departmentCode: 'fgw' },
  { username: 'czj', displayName: '财政局审查员（演示）', roles: ['reviewer'], departmentCode: 'czj' },
  { username: 'xzsp', displayName: '行政审批服务局审查员（演示）', roles: ['reviewer'], departmentCode: 'xzsp' },
  { username: 'tzcj', displayName: '投资促进局审查员（演示）', roles: ['reviewer'], departmentCode: 'tzcj' },
  { username: 'zjj', displayName: '住房和城乡建设局审查员（演示）', roles: ['reviewer'], departmentCode: 'zjj' },
  { username: 'slj', displayName: '水利局审查员（演示）', roles: ['reviewer'], departmentCode: 'slj' },
  { username: 'gxj', displayName: '工业和信息化局审查员（演示）', roles: ['reviewer'], departmentCode: 'gxj' },
  { username: 'wlj', displayName: '文化和旅游局审查员（演示）', roles: ['reviewer'], departmentCode: 'wlj' },
];
