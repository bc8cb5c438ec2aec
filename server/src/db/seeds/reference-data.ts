/**
 * Reference data every installation needs (not demo data): roles, the city's departments and the
 * development zones' identities. Roles are data: permissions and scope live here, the policy module reads them.
 */
export interface RoleSeed {
  key: string;
  name: string;
  description: string;
  scopeKind: 'city' | 'county' | 'department';
  duty?: 'system' | 'security' | 'audit';
  permissions: string[];
}

export const ROLES: RoleSeed[] = [
  { key: 'system_admin', name: '系统管理员', description: '维护图层目录、分析规则、系统参数；不管理账号、不查看审计', scopeKind: 'city', duty: 'system',
    permissions: ['layers.read', 'layers.manage', 'rules.manage', 'config.manage', 'calendar.manage'] },
  { key: 'security_admin', name: '安全管理员', description: '管理账号、角色分配与会话；不处理业务数据、不查看审计', scopeKind: 'city', duty: 'security',
    permissions: ['users.manage', 'sessions.manage'] },
  { key: 'auditor', name: '安全审计员', description: '查阅审计日志；不管理账号与业务', scopeKind: 'city', duty: 'audit',
    permissions: ['audit.read'] },
  { key: 'city_command', name: '市指挥部', description: '市重点项目挂图作战和要素保障指挥部：调度、督办、要素统筹、联席会议', scopeKind: 'city',
    permissions: ['layers.read', 'siting.use', 'projects.read', 'projects.write', 'consultation.dispatch', 'meetings.manage', 'factors.read', 'factors.manage', 'supervision.manage', 'wall.read'] },
  { key: 'county_planner', name: '县级谋划人员', description: '县（市、区）指挥部与投资促进部门：选址、录入项目、提交策划生成', scopeKind: 'county',
    permissions: ['layers.read', 'layers.import', 'siting.use', 'projects.read', 'projects.write', 'consultation.submit', 'factors.read', 'factors.manage'] },
  { key: 'reviewer', name: '部门审查人员', description: '本部门的策划生成审查任务：查看选址冲突、反馈预审意见与要素保障意见', scopeKind: 'department',
    permissions: ['layers.read', 'siting.use', 'projects.read', 'consultation.review', 'factors.read', 'factors.manage'] },
  { key: 'leader', name: '市领导', description: '挂图作战一张图：查阅全部项目，不做修改', scopeKind: 'city',
    permissions: ['layers.read', 'projects.read', 'factors.read', 'wall.read'] },
  { key: 'commissioner', name: '服务专员', description: '帮办代办：填报每周进展、提出难点堵点问题', scopeKind: 'county',
    permissions: ['layers.read', 'projects.read', 'progress.report', 'problems.raise'] },
];

export const CITY = { code: '371500', name: '聊城市' };

export const DEPARTMENTS = [
  { code: 'zrzy', name: '市自然资源和规划局', shortName: '自然资源' },
  { code: 'sthj', name: '市生态环境局', shortName: '生态环境' },
  { code: 'fgw', name: '市发展和改革委员会', shortName: '发展改革' },
  { code: 'czj', name: '市财政局', shortName: '财政' },
  { code: 'xzsp', name: '市行政审批服务局', shortName: '行政审批' },
  { code: 'tzcj', name: '市投资促进局', shortName: '投资促进' },
  { code: 'zjj', name: '市住房和城乡建设局', shortName: '住房城建' },
  { code: 'slj', name: '市水利局', shortName: '水利' },
  { code: 'gxj', name: '市工业和信息化局', shortName: '工业信息化' },
  { code: 'wlj', name: '市文化和旅游局', shortName: '文化旅游' },
];
