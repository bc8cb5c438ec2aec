import type { ManagedUser, OneTimePassword, PasswordChange, RoleOption, UserCreate, UserFormOptions, UserSession, UserUpdate } from '../../../common/src/contract/users.contract.ts';
import { http } from './http-client';
import { queryString } from './projects.api';

export type { ManagedUser, OneTimePassword, RoleOption, UserFormOptions, UserSession };

export const usersApi = {
  list: (filter: { q?: string; role?: string; status?: string }) => http.get<{ items: ManagedUser[] }>(`/api/users${queryString(filter)}`).then((r) => r.items),
  options: () => http.get<UserFormOptions>('/api/users/options'),
  create: (input: UserCreate) => http.post<OneTimePassword>('/api/users', input),
  update: (id: number, input: UserUpdate) => http.put<ManagedUser>(`/api/users/${id}`, input),
  resetPassword: (id: number) => http.post<OneTimePassword>(`/api/users/${id}/password-reset`),
  sessions: (id: number) => http.get<{ items: UserSession[] }>(`/api/users/${id}/sessions`).then((r) => r.items),
  endSessions: (id: number, sessionId?: string) => http.delete<{ ended: number }>(`/api/users/${id}/sessions${sessionId ? `/${sessionId}` : ''}`),
  changeOwnPassword: (input: PasswordChange) => http.post<void>('/api/auth/password', input),
};
