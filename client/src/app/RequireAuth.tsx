import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from '../auth/use-session';
import { PasswordChangeRequired } from '../auth/PasswordChangeRequired';
import { FullPageSpin } from './FullPageSpin';

export interface LoginRedirectState {
  from?: string;
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <FullPageSpin />;
  if (!session.data) {
    // window.location.hash, not location.hash: the map rewrites the hash without telling the router.
    const state: LoginRedirectState = { from: location.pathname + location.search + window.location.hash };
    return <Navigate to="/login" replace state={state} />;
  }
  if (session.data.mustChangePassword) return <PasswordChangeRequired user={session.data} />;
  return children;
}
