import { describe, expect, it } from 'vitest';
import { allowedTransitions, isFinal, MAIN_LINE, permittedTransition, STAGES, stageLabel, transitionByAction, transitionFor, transitionProblem, TRANSITIONS } from './project-lifecycle.ts';

// Permissions as seeded in server/src/db/seeds/reference-data.ts.
const PLANNER = ['layers.read', 'layers.import', 'siting.use', 'projects.read', 'projects.write', 'consultation.submit', 'factors.read', 'factors.manage'];
const COMMAND = ['layers.read', 'siting.use', 'projects.read', 'projects.write', 'consultation.dispatch', 'meetings.manage', 'factors.read', 'factors.manage', 'supervision.manage', 'wall.read'];
const REVIEWER = ['layers.read', 'siting.use', 'projects.read', 'consultation.review', 'factors.read', 'factors.manage'];
const LEADER = ['layers.read', 'projects.read', 'factors.read', 'wall.read'];
const actions = (ts: { action: string; to: string }[]) => ts.map((t) => `${t.action}→${t.to}`);

describe('project lifecycle', () => {
  it('has the main line and two final exits', () => {
    expect(STAGES).toHaveLength(11);
    expect(MAIN_LINE).toEqual(['谋划', '策划生成中', '储备', '要素保障', '审批', '在建', '竣工', '投产', '达效']);
    expect(STAGES.filter(isFinal)).toEqual(['终止', '调出']);
    expect(isFinal('达效')).toBe(false);
  });

  it('every step of the main line is reachable', () => {
    for (let i = 0; i + 1 < MAIN_LINE.length; i++) expect(transitionFor(MAIN_LINE[i]!, MAIN_LINE[i + 1]!), `${MAIN_LINE[i]} → ${MAIN_LINE[i + 1]}`).toBeDefined();
  });

  it('labels 审批 with the green channel', () => {
    expect(stageLabel('审批', true)).toBe('审批（绿色通道）');
    expect(stageLabel('审批', false)).toBe('审批');
    expect(stageLabel('在建', true)).toBe('在建');
  });

  it('offers the planner submit, termination, and nothing automatic', () => {
    expect(actions(allowedTransitions('谋划', PLANNER))).toEqual(['submit→策划生成中', 'terminate→终止']);
    expect(actions(allowedTransitions('策划生成中', PLANNER))).toEqual(['resubmit→策划生成中', 'escalate→策划生成中', 'terminate→终止']);
    expect(actions(allowedTransitions('储备', PLANNER))).toEqual(['change_site→策划生成中', 'allocate_factors→要素保障', 'start_approval→审批', 'terminate→终止']);
    expect(actions(allowedTransitions('要素保障', PLANNER))).toEqual(['terminate→终止']);
  });

  it('offers the command the joint-meeting decisions and 调出', () => {
    expect(actions(allowedTransitions('策划生成中', COMMAND))).toEqual(['meeting_adopt→储备', 'meeting_return→谋划', 'meeting_terminate→终止', 'terminate→终止', 'remove→调出']);
    // projects.write and supervision.manage both allow it: offered once.
    expect(actions(allowedTransitions('在建', COMMAND))).toEqual(['complete→竣工', 'terminate→终止', 'remove→调出']);
    expect(actions(allowedTransitions('达效', COMMAND))).toEqual(['remove→调出']);
  });

  it('offers a leader nothing, a reviewer only the allocation (factors.manage), and nothing leaves a final stage', () => {
    for (const s of STAGES) {
      expect(allowedTransitions(s, LEADER)).toEqual([]);
      expect(actions(allowedTransitions(s, REVIEWER))).toEqual(s === '储备' ? ['allocate_factors→要素保障'] : []);
    }
    expect(allowedTransitions('终止', COMMAND)).toEqual([]);
    expect(allowedTransitions('调出', [...COMMAND, ...PLANNER])).toEqual([]);
  });

  it('refuses moves by permission, by shape and when automatic', () => {
    expect(transitionProblem('谋划', '策划生成中', PLANNER)).toBeNull();
    expect(transitionProblem('谋划', '策划生成中', LEADER)).toBe('无权将项目从“谋划”变更为“策划生成中”');
    expect(transitionProblem('谋划', '储备', COMMAND)).toBe('项目不能从“谋划”变更为“储备”');
    expect(transitionProblem('要素保障', '审批', COMMAND)).toBe('“要素保障”→“审批”由系统自动完成，不能手动操作');
    expect(transitionProblem('终止', '谋划', COMMAND)).toBe('项目已终止，不能再变更阶段');
    // the planner cannot adopt by meeting (meetings.manage) nor 调出 (supervision.manage)
    expect(transitionProblem('策划生成中', '储备', PLANNER)).toBe('无权将项目从“策划生成中”变更为“储备”');
    expect(transitionProblem('储备', '调出', PLANNER)).toBe('无权将项目从“储备”变更为“调出”');
    expect(transitionProblem('储备', '调出', COMMAND)).toBeNull();
    expect(transitionProblem('达效', '终止', COMMAND)).toBe('项目不能从“达效”变更为“终止”');
    // by action
    expect(transitionProblem('策划生成中', '储备', COMMAND, 'pass')).toBe('“策划生成中”→“储备”由系统自动完成，不能手动操作');
    expect(transitionProblem('策划生成中', '储备', COMMAND, 'meeting_adopt')).toBeNull();
  });

  it('picks the manual transition by stages and the automatic one by action', () => {
    expect(transitionFor('策划生成中', '储备')).toMatchObject({ action: 'meeting_adopt', permission: 'meetings.manage' });
    expect(transitionByAction('策划生成中', 'pass')).toMatchObject({ to: '储备', auto: true, permission: 'system' });
    expect(transitionByAction('要素保障', 'factors_complete')).toMatchObject({ to: '审批', auto: true });
    expect(transitionFor('储备', '策划生成中')).toMatchObject({ action: 'change_site', permission: 'projects.write' });
    expect(permittedTransition('投产', '达效', ['supervision.manage'])).toMatchObject({ action: 'reach_target' });
    expect(permittedTransition('投产', '达效', ['projects.write'])).toMatchObject({ action: 'reach_target' });
    expect(permittedTransition('投产', '达效', ['projects.read'])).toBeUndefined();
  });

  it('keeps actions short enough for the history table', () => {
    for (const t of TRANSITIONS) expect(t.action.length).toBeLessThanOrEqual(32);
  });
});
