import { MAIN_LINE, STAGES } from '../../../../common/src/project-lifecycle.ts';
import type { ProjectRound, ProjectTransitionOption, VerdictKey } from '../../api/projects.api';

/** One colour per lifecycle stage: the main line from cool (planning) to warm (in production); the exits grey. */
export const STAGE_COLOURS: Record<string, string> = {
  谋划: '#8c8c8c',
  策划生成中: '#1677ff',
  储备: '#13c2c2',
  要素保障: '#722ed1',
  审批: '#eb2f96',
  在建: '#fa8c16',
  竣工: '#faad14',
  投产: '#52c41a',
  达效: '#237804',
  终止: '#595959',
  调出: '#bfbfbf',
};

export const stageColour = (stage: string): string => STAGE_COLOURS[stage] ?? '#8c8c8c';

/** The legend rows in lifecycle order. */
export const stageLegend = (): { stage: string; colour: string }[] => STAGES.map((stage) => ({ stage, colour: stageColour(stage) }));

/** Where a stage is on the main line (0-based), -1 for the exits. */
export const stageStep = (stage: string): number => (MAIN_LINE as readonly string[]).indexOf(stage);

export const VERDICT_TEXT: Record<VerdictKey, { text: string; color: string }> = {
  agree: { text: '同意', color: 'green' },
  conditional: { text: '有条件同意', color: 'gold' },
  disagree: { text: '不同意', color: 'red' },
};

export const ROUND_STATUS: Record<ProjectRound['status'], { text: string; color: string }> = {
  open: { text: '会商中', color: 'processing' },
  passed: { text: '通过', color: 'success' },
  rejected: { text: '未通过', color: 'error' },
  withdrawn: { text: '已撤回', color: 'default' },
};

/** The signed area change of a new site version, e.g. "+12.35 亩" or "−3.00 亩". */
export function formatAreaChange(mu: number): string {
  const abs = Math.abs(mu).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (Math.abs(mu) < 0.005) return '±0.00 亩';
  return `${mu > 0 ? '+' : '−'}${abs} 亩`;
}

export type ProjectAction =
  | { kind: 'submit'; label: string }
  | { kind: 'escalate'; label: string }
  | { kind: 'transition'; to: string; label: string };

/**
 * The buttons of the project panel. 提交策划生成 and 调整后重新提交 open a consultation round (POST submissions),
 * 提报联席会议 raises a problem; both only after a rejected round when the project is already in 策划生成.
 * Every other allowed move is a plain transition.
 */
export function projectActions(options: ProjectTransitionOption[], rounds: Pick<ProjectRound, 'round' | 'status'>[]): ProjectAction[] {
  const last = rounds.reduce<Pick<ProjectRound, 'round' | 'status'> | null>((a, r) => (!a || r.round > a.round ? r : a), null);
  const rejected = last?.status === 'rejected';
  const out: ProjectAction[] = [];
  for (const o of options) {
    if (o.action === 'submit') out.push({ kind: 'submit', label: '提交策划生成' });
    else if (o.action === 'resubmit') {
      if (rejected) out.push({ kind: 'submit', label: '调整后重新提交（新一轮会商）' });
    } else if (o.action === 'escalate') {
      if (rejected) out.push({ kind: 'escalate', label: '提报联席会议' });
    } else out.push({ kind: 'transition', to: o.to, label: o.label });
  }
  return out;
}
