import { http } from './http-client';

export interface ProblemRow {
  id: number;
  title: string;
  description: string;
  status: 'open' | 'on_agenda' | 'resolved' | 'rejected';
  project_id: number | null;
  project_code: string | null;
  project_name: string | null;
  county: string;
}

export interface AgendaItem {
  problem_id: number;
  decision: 'adopt' | 'adopt_with_conditions' | 'reject' | null;
  decision_text: string | null;
  deadline: string | null;
  department: string | null;
  title: string;
  status: ProblemRow['status'];
  project_id: number | null;
  project_code: string | null;
  project_name: string | null;
  stage: string | null;
}

export interface Meeting {
  id: number;
  title: string;
  date: string;
  status: 'planned' | 'held' | 'closed';
  agenda: AgendaItem[];
}

export interface DecisionInput {
  problemId: number;
  decision: 'adopt' | 'adopt_with_conditions' | 'reject';
  text: string;
  outcome?: 'return' | 'terminate';
  responsibleDepartment?: string;
  deadline?: string;
}

export const meetingKeys = { problems: ['problems'] as const, meetings: ['meetings'] as const };
export const fetchProblems = () => http.get<ProblemRow[]>('/api/problems');
export const fetchMeetings = () => http.get<Meeting[]>('/api/meetings');
export const conveneMeeting = (input: { title: string; date: string; problemIds: number[] }) => http.post<Meeting>('/api/meetings', input);
export const decideAgendaItem = (meetingId: number, input: DecisionInput) => http.post<{ projectStage: string | null; meetingClosed: boolean }>(`/api/meetings/${meetingId}/decisions`, input);
