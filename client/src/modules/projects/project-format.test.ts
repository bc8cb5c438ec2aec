import { describe, expect, it } from 'vitest';
import { STAGES } from '../../../../common/src/project-lifecycle.ts';
import { formatAreaChange, projectActions, stageColour, stageLegend, stageStep } from './project-format';

describe('project format', () => {
  it('gives every stage its own colour', () => {
    const colours = stageLegend().map((r) => r.colour);
    expect(colours).toHaveLength(STAGES.length);
    expect(new Set(colours).size).toBe(STAGES.length);
    expect(stageColour('不存在')).toBe('#8c8c8c');
  });

  it('places stages on the main line', () => {
    expect(stageStep('谋划')).toBe(0);
    expect(stageStep('达效')).toBe(8);
    expect(stageStep('终止')).toBe(-1);
  });

  it('signs the area change', () => {
    expect(formatAreaChange(12.345)).toBe('+12.35 亩');
    expect(formatAreaChange(-3)).toBe('−3.00 亩');
    expect(formatAreaChange(0.001)).toBe('±0.00 亩');
  });

  const options = [
    { to: '策划生成中', action: 'resubmit', label: '调整后重新提交（新一轮会商）' },
    { to: '策划生成中', action: 'escalate', label: '形成问题清单，提报联席会议' },
    { to: '终止', action: 'terminate', label: '终止项目' },
  ];

  it('offers resubmission and the joint meeting only after a rejected round', () => {
    expect(projectActions(options, [{ round: 1, status: 'open' }]).map((a) => a.kind)).toEqual(['transition']);
    const after = projectActions(options, [
      { round: 1, status: 'rejected' },
      { round: 2, status: 'rejected' },
    ]);
    expect(after.map((a) => a.label)).toEqual(['调整后重新提交（新一轮会商）', '提报联席会议', '终止项目']);
    expect(projectActions(options, [{ round: 2, status: 'open' }, { round: 1, status: 'rejected' }]).map((a) => a.kind)).toEqual(['transition']);
  });

  it('turns the first submission into 提交策划生成', () => {
    expect(projectActions([{ to: '策划生成中', action: 'submit', label: 'x' }], [])).toEqual([{ kind: 'submit', label: '提交策划生成' }]);
  });
});
