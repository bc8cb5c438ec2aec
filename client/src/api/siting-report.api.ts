import type { Polygon, MultiPolygon } from 'geojson';
import type { SitingNeeds, SitingReport, SitingReportSummary } from '../../../common/src/contract/siting.contract.ts';
import { http } from './http-client';

export type { SitingReport, SitingReportSummary };

export const createSitingReport = (geometry: Polygon | MultiPolygon, needs?: SitingNeeds, title?: string) =>
  http.post<SitingReport>('/api/siting/reports', { geometry, ...(needs ? { needs } : {}), ...(title ? { title } : {}) });

export const fetchSitingReport = (id: number) => http.get<SitingReport>(`/api/siting/reports/${id}`);
export const fetchSitingReports = () => http.get<SitingReportSummary[]>('/api/siting/reports');

export const reportPagePath = (id: number) => `/siting/reports/${id}`;
export const reportMapUrl = (id: number) => `/api/siting/reports/${id}/map.svg`;
export const reportPdfUrl = (id: number, download = false) => `/api/siting/reports/${id}/report.pdf${download ? '?download=1' : ''}`;
