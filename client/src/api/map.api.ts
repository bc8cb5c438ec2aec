import type { MapConfig, RegionCollection } from './api.types';
import { http } from './http-client';

export const fetchMapConfig = () => http.get<MapConfig>('/api/config/map');

export const fetchRegions = () => http.get<RegionCollection>('/api/regions');
