import { Navigate, Route, Routes } from 'react-router-dom';
import { LoginPage } from '../auth/LoginPage';
import { AppShell } from './AppShell';
import { appModules, defaultModulePath } from './module-registry';
import { RequireAuth } from './RequireAuth';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        }
      >
        {appModules.map(({ key, path, Page }) => (
          <Route key={key} path={path} element={<Page />} />
        ))}
        <Route path="*" element={<Navigate to={defaultModulePath} replace />} />
      </Route>
    </Routes>
  );
}
