import type { LoginRequest, SessionUser, User } from './api.types';
import { http, isApiError } from './http-client';

export async function login(credentials: LoginRequest): Promise<User> {
  const { user } = await http.post<SessionUser>('/api/auth/login', credentials);
  return user;
}

/** The signed-in user, or null when there is no valid session. */
export async function fetchCurrentUser(): Promise<User | null> {
  try {
    const { user } = await http.get<SessionUser>('/api/auth/me');
    return user;
  } catch (error) {
    if (isApiError(error) && error.isUnauthorized) return null;
    throw error;
  }
}

export async function logout(): Promise<void> {
  await http.post<void>('/api/auth/logout');
}
