import { AuditOutlined, DatabaseOutlined, UserSwitchOutlined, FileSearchOutlined, FileTextOutlined, FundOutlined, GlobalOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type ReactNode } from 'react';

export interface AppModule {
  key: string;
  path: string;
  label: string;
  icon: ReactNode;
  Page: ComponentType;
  /** Shown in the navigation only to users holding this permission, or any of these (the server checks again). */
  permission?: string | readonly string[];
  /** A page reached by a link (a report by its id), not from the navigation. */
  hidden?: boolean;
}

// Pages load on first visit, so the login page does not pull in the map engine.
const BlueprintPage = lazy(() => import('../modules/blueprint/BlueprintPage').then((m) => ({ default: m.BlueprintPage })));
const SitingReportsPage = lazy(() => import('../modules/siting/report/SitingReportsPage').then((m) => ({ default: m.SitingReportsPage })));
const SitingReportPage = lazy(() => import('../modules/siting/report/SitingReportPage').then((m) => ({ default: m.SitingReportPage })));
const FactorsPage = lazy(() => import('../modules/factors/FactorsPage').then((m) => ({ default: m.FactorsPage })));
const MeetingsPage = lazy(() => import('../modules/collaboration/meetings/MeetingsPage').then((m) => ({ default: m.MeetingsPage })));
const AuditPage = lazy(() => import('../modules/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const SitingRulesPage = lazy(() => import('../modules/siting/rules/SitingRulesPage').then((m) => ({ default: m.SitingRulesPage })));

const UsersPage = lazy(() => import('../modules/admin/UsersPage').then((m) => ({ default: m.UsersPage })));
const ProjectsPage = lazy(() => import('../modules/projects/ProjectsPage').then((m) => ({ default: m.ProjectsPage })));
const TasksPage = lazy(() => import('../modules/collaboration/tasks/TasksPage').then((m) => ({ default: m.TasksPage })));

// Only modules that work are listed; the navigation and the routes are both built from this list.
export const appModules: AppModule[] = [
  { key: 'blueprint', path: '/blueprint', label: '一张蓝图', icon: <GlobalOutlined />, Page: BlueprintPage },
  { key: 'siting-reports', path: '/siting/reports', label: '选址报告', icon: <FileTextOutlined />, Page: SitingReportsPage, permission: 'siting.use' },
  { key: 'siting-report', path: '/siting/reports/:id', label: '选址报告', icon: <FileTextOutlined />, Page: SitingReportPage, hidden: true },
  { key: 'projects', path: '/projects', label: '项目库', icon: <DatabaseOutlined />, Page: ProjectsPage, permission: 'projects.read' },
  { key: 'tasks', path: '/tasks', label: '审查任务', icon: <AuditOutlined />, Page: TasksPage, permission: ['consultation.review', 'consultation.dispatch'] },
  { key: 'task', path: '/tasks/:id', label: '审查任务', icon: <AuditOutlined />, Page: TasksPage, hidden: true },
  { key: 'factors', path: '/factors', label: '要素保障', icon: <FundOutlined />, Page: FactorsPage, permission: 'factors.read' },
  { key: 'meetings', path: '/meetings', label: '联席会议', icon: <TeamOutlined />, Page: MeetingsPage, permission: 'meetings.manage' },
  { key: 'audit', path: '/audit', label: '审计日志', icon: <FileSearchOutlined />, Page: AuditPage, permission: 'audit.read' },
  { key: 'users', path: '/admin/users', label: '用户管理', icon: <UserSwitchOutlined />, Page: UsersPage, permission: 'users.manage' },
  { key: 'siting-rules', path: '/admin/siting-rules', label: '选址规则', icon: <SafetyCertificateOutlined />, Page: SitingRulesPage, permission: 'rules.manage' },
];

/** Whether a user holding these permissions sees the module in the navigation. */
export const moduleVisible = (m: AppModule, permissions: readonly string[] | undefined): boolean =>
  !m.hidden && (!m.permission || [m.permission].flat().some((p) => permissions?.includes(p)));

export const defaultModulePath = appModules[0]?.path ?? '/';
