import type { AgendaItem, DecisionInput, DecisionResult, Meeting, ProblemRow } from '../../../common/src/contract/collaboration.contract.ts';
import { http } from './http-client';

export type { AgendaItem, DecisionInput, Meeting, ProblemRow };

export const meetingKeys = { problems: ['problems'] as const, meetings: ['meetings'] as const };
export const fetchProblems = () => http.get<ProblemRow[]>('/api/problems');
export const fetchMeetings = () => http.get<Meeting[]>('/api/meetings');
export const conveneMeeting = (input: { title: string; date: string; problemIds: number[] }) => http.post<Meeting>('/api/meetings', input);
export const decideAgendaItem = (meetingId: number, input: DecisionInput) => http.post<DecisionResult>(`/api/meetings/${meetingId}/decisions`, input);
