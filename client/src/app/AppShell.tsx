import { Layout } from 'antd';
import { Suspense } from 'react';
import { Outlet } from 'react-router-dom';
import { AppHeader } from './AppHeader';
import { FullPageSpin } from './FullPageSpin';

export function AppShell() {
  return (
    <Layout className="app-shell">
      <AppHeader />
      <Layout.Content className="app-content">
        <Suspense fallback={<FullPageSpin />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
