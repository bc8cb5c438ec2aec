import { Layout, Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { UserMenu } from '../auth/UserMenu';
import { useSession } from '../auth/use-session';
import { SYSTEM_FULL_NAME, SYSTEM_SHORT_NAME, SYSTEM_TITLE } from './branding';
import { NotificationBell } from '../modules/collaboration/NotificationBell';
import { appModules, moduleVisible } from './module-registry';

export function AppHeader() {
  const location = useLocation();
  const navigate = useNavigate();
  const permissions = useSession().data?.permissions;
  const modules = appModules.filter((m) => moduleVisible(m, permissions));
  const selected = modules.filter((m) => location.pathname.startsWith(m.path)).map((m) => m.key);
  return (
    <Layout.Header className="app-header">
      <div className="app-brand" title={SYSTEM_TITLE}>
        <span className="app-brand-mark">{SYSTEM_SHORT_NAME}</span>
        <span className="app-brand-sub">{SYSTEM_FULL_NAME}</span>
      </div>
      <Menu
        className="app-nav"
        theme="dark"
        mode="horizontal"
        selectedKeys={selected}
        items={modules.map((m) => ({ key: m.key, icon: m.icon, label: m.label }))}
        onClick={({ key }) => {
          const target = appModules.find((m) => m.key === key);
          if (target) navigate(target.path);
        }}
        data-testid="main-nav"
      />
      <NotificationBell />
      <UserMenu />
    </Layout.Header>
  );
}
