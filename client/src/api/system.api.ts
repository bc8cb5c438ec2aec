import type { Health } from './api.types';
import { http } from './http-client';

export const fetchHealth = () => http.get<Health>('/api/health');
