/**
 * The lifecycle of a key project as a state machine (issue 5 item 6; 《聊城市重点项目推进全周期服务办法》
 * Art. 9-13 策划生成, Art. 14-20 要素保障, Art. 21-22 服务与绿色通道, Art. 23 一季一调整, Art. 28-29 评价与调出).
 * Pure data: the server enforces it, the client shows the buttons a user may press.
 *
 *   谋划 → 策划生成中 → 储备 → 要素保障 → 审批（绿色通道） → 在建 → 竣工 → 投产 → 达效
 *   exits: 终止 (the project is not carried out) and 调出 (removed from the libraries); both are final.
 */

export const STAGES = ['谋划', '策划生成中', '储备', '要素保障', '审批', '在建', '竣工', '投产', '达效', '终止', '调出'] as const;
export type Stage = (typeof STAGES)[number];

/** The main line, in order (without the exits). */
export const MAIN_LINE: readonly Stage[] = ['谋划', '策划生成中', '储备', '要素保障', '审批', '在建', '竣工', '投产', '达效'];

/** The stages a project cannot leave. 达效 is the goal but not final: the quarterly adjustment may still 调出 it. */
export const FINAL_STAGES: readonly Stage[] = ['终止', '调出'];

/**
 * The pseudo-permission of the transitions the system makes by itself (auto: true). No role holds it, so
 * allowedTransitions never offers them to a user; the server makes them inside the transaction that
 * closes a round or completes an allocation.
 */
export const SYSTEM_PERMISSION = 'system';

export interface Transition {
  from: Stage;
  to: Stage;
  /** Stable identifier (stored in project_stage_history.action, at most 32 characters). */
  action: string;
  /** What the user reads (button, timeline). */
  label: string;
  /** The permission needed; SYSTEM_PERMISSION for automatic transitions. */
  permission: string;
  auto?: boolean;
}

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

export function isFinal(stage: Stage): boolean {
  return FINAL_STAGES.includes(stage);
}

/** 审批 is shown as 审批（绿色通道） for a project in the green channel (Art. 20, 22). */
export function stageLabel(stage: Stage, greenChannel = false): string {
  return stage === '审批' && greenChannel ? '审批（绿色通道）' : stage;
}

/** Progress steps 投产 and after may be recorded by the county (projects.write) or by the command (supervision.manage). */
const byCountyOrCommand = (from: Stage, to: Stage, action: string, label: string): Transition[] => [
  { from, to, action, label, permission: 'projects.write' },
  { from, to, action, label, permission: 'supervision.manage' },
];

const NON_FINAL: readonly Stage[] = STAGES.filter((s) => !FINAL_STAGES.includes(s));

/**
 * Every transition. Where two roles may make the same move there is one entry per permission (same action);
 * allowedTransitions returns it once. Where a move has two ways (the round passes by itself, or the joint
 * meeting adopts), transitionFor returns the manual one; use transitionByAction to pick a specific one.
 */
export const TRANSITIONS: readonly Transition[] = [
  // Art. 9-10: the planner submits the project (site, attributes, needs) for 策划生成; a consultation round opens.
  { from: '谋划', to: '策划生成中', action: 'submit', label: '提交策划生成', permission: 'consultation.submit' },
  // Art. 11: after a disagreement the planner adjusts (a new site version) and starts round n+1; the stage stays.
  { from: '策划生成中', to: '策划生成中', action: 'resubmit', label: '调整后重新提交（新一轮会商）', permission: 'consultation.submit' },
  // Art. 11: what cannot be fixed but is necessary goes to the problem list for the joint meeting; the stage stays.
  { from: '策划生成中', to: '策划生成中', action: 'escalate', label: '形成问题清单，提报联席会议', permission: 'consultation.submit' },
  // Art. 11-12: every department agrees (同意 / 有条件同意) → the system moves the project into the reserve;
  // the round's opinions become its 正式预审意见.
  { from: '策划生成中', to: '储备', action: 'pass', label: '各部门审核通过，纳入储备', permission: SYSTEM_PERMISSION, auto: true },
  // Art. 4, 11: the joint meeting decides: adopt (or adopt with conditions) → reserve.
  { from: '策划生成中', to: '储备', action: 'meeting_adopt', label: '联席会议决定纳入储备', permission: 'meetings.manage' },
  // Art. 4, 11: the joint meeting rejects: back to planning for rework, or the project is stopped.
  { from: '策划生成中', to: '谋划', action: 'meeting_return', label: '联席会议决定退回重新谋划', permission: 'meetings.manage' },
  { from: '策划生成中', to: '终止', action: 'meeting_terminate', label: '联席会议决定不予实施', permission: 'meetings.manage' },
  // Art. 12: the 正式预审意见 hold only while the construction content does not change. Changing the site or the
  // content of a reserve project sends it back to 策划生成 (the server marks the opinions as no longer valid).
  { from: '储备', to: '策划生成中', action: 'change_site', label: '变更选址或建设内容，重新策划生成', permission: 'projects.write' },
  // Art. 14, 20: the factor allocation plan is made for a reserve project.
  { from: '储备', to: '要素保障', action: 'allocate_factors', label: '制定要素配置方案', permission: 'factors.manage' },
  // Art. 20: a project that has obtained its factors enters the green approval channel (the system, when every need is allocated).
  { from: '要素保障', to: '审批', action: 'factors_complete', label: '要素配置到位，纳入绿色通道审批', permission: SYSTEM_PERMISSION, auto: true },
  // Art. 14 guarantees factors "根据项目要素需求情况": a reserve project that needs none goes to approval directly.
  { from: '储备', to: '审批', action: 'start_approval', label: '无需配置要素，进入审批', permission: 'projects.write' },
  // Art. 21-23: progress after approval, recorded by the county (and its commissioner's reports) or by the command.
  ...byCountyOrCommand('审批', '在建', 'start_construction', '手续办结，开工建设'),
  ...byCountyOrCommand('在建', '竣工', 'complete', '竣工'),
  ...byCountyOrCommand('竣工', '投产', 'start_production', '投产'),
  ...byCountyOrCommand('投产', '达效', 'reach_target', '达效'),
  // Art. 20: a project no longer carried out (market, change of will) is stopped and its quotas recalled.
  // Not from 达效: a project that has reached its targets has been carried out.
  ...NON_FINAL.filter((s) => s !== '达效').map((from): Transition => ({ from, to: '终止', action: 'terminate', label: '终止项目', permission: 'projects.write' })),
  // Art. 23 (一季一调整) and Art. 29 (false information → 调出项目库, policies and factors recalled): the command removes it.
  ...NON_FINAL.map((from): Transition => ({ from, to: '调出', action: 'remove', label: '调出项目库', permission: 'supervision.manage' })),
];

/** The transition from → to; the manual one when the system could also make it (策划生成中 → 储备). */
export function transitionFor(from: Stage, to: Stage): Transition | undefined {
  const all = TRANSITIONS.filter((t) => t.from === from && t.to === to);
  return all.find((t) => !t.auto) ?? all[0];
}

/** The transition of an action from a stage (e.g. 'pass' for the automatic move into the reserve). */
export function transitionByAction(from: Stage, action: string): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.action === action);
}

/** Whether a user with these permissions may make the move from → to (by a given action, when named); never an automatic one. */
export function permittedTransition(from: Stage, to: Stage, permissions: readonly string[], action?: string): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to && !t.auto && (action === undefined || t.action === action) && permissions.includes(t.permission));
}

/** The moves a user with these permissions may make from a stage, one per action, in table order; never automatic ones. */
export function allowedTransitions(from: Stage, permissions: readonly string[]): Transition[] {
  const seen = new Set<string>();
  const out: Transition[] = [];
  for (const t of TRANSITIONS) {
    if (t.from !== from || t.auto || !permissions.includes(t.permission)) continue;
    const key = `${t.action}→${t.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}

/** A Chinese reason why from → to is refused for these permissions, or null when it is allowed. */
export function transitionProblem(from: Stage, to: Stage, permissions: readonly string[], action?: string): string | null {
  if (isFinal(from)) return `项目已${from}，不能再变更阶段`;
  const candidates = TRANSITIONS.filter((t) => t.from === from && t.to === to && (action === undefined || t.action === action));
  if (candidates.length === 0) return `项目不能从“${from}”变更为“${to}”`;
  if (candidates.every((t) => t.auto)) return `“${from}”→“${to}”由系统自动完成，不能手动操作`;
  if (!permittedTransition(from, to, permissions, action)) return `无权将项目从“${from}”变更为“${to}”`;
  return null;
}
