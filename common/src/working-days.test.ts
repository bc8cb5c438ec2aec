import { describe, expect, it } from 'vitest';
import { addWorkingDays, CN_CALENDAR, dayNumber, isWorkingDay, weekday, workingDaysBetween, type CalendarDay } from './working-days.ts';

const cal = CN_CALENDAR;

describe('working days (2026 State Council calendar)', () => {
  it('knows the weekdays of 2026 (1 January 2026 was a Thursday)', () => {
    expect(weekday('2026-01-01')).toBe(4);
    expect(weekday('2026-02-14')).toBe(6);
    expect(weekday('2026-09-20')).toBe(0);
    expect(weekday('2026-10-10')).toBe(6);
  });

  it('lists 33 holiday days and 6 调休 working days', () => {
    // 元旦 3 + 春节 9 + 清明 3 + 劳动 5 + 端午 3 + 中秋 3 + 国庆 7 = 33
    expect(cal.filter((c) => c.kind === 'holiday')).toHaveLength(33);
    expect(cal.filter((c) => c.kind === 'workday').map((c) => c.day)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(new Set(cal.map((c) => c.day)).size).toBe(cal.length);
    // every 调休 working day falls on a weekend
    for (const c of cal.filter((x) => x.kind === 'workday')) expect([0, 6]).toContain(weekday(c.day));
  });

  it('treats 调休 weekends as working and holidays as not', () => {
    expect(isWorkingDay('2026-02-14', cal)).toBe(true); // Saturday, 春节调休
    expect(isWorkingDay('2026-02-16', cal)).toBe(false); // Monday, 春节
    expect(isWorkingDay('2026-02-21', cal)).toBe(false); // Saturday, 春节
    expect(isWorkingDay('2026-03-07', cal)).toBe(false); // ordinary Saturday
    expect(isWorkingDay('2026-03-09', cal)).toBe(true); // ordinary Monday
    expect(isWorkingDay('2026-03-09', [{ day: '2026-03-09', kind: 'holiday', name: '测试' }])).toBe(false);
  });

  it('counts deadlines across 春节 by hand', () => {
    // Fri 13 Feb; Sat 14 (调休) = 1; 15-23 holiday; Tue 24 = 2, 25 = 3, 26 = 4, Fri 27 = 5, Sat 28 (调休) = 6; Mon 2 Mar = 7
    expect(addWorkingDays('2026-02-13', 1, cal)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2, cal)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-13', 5, cal)).toBe('2026-02-27');
    expect(addWorkingDays('2026-02-13', 6, cal)).toBe('2026-02-28');
    expect(addWorkingDays('2026-02-13', 7, cal)).toBe('2026-03-02');
    // Tue 10 Feb + 10: 11, 12, 13, 14 (Sat), 24, 25, 26, 27, 28 (Sat), 2 Mar
    expect(addWorkingDays('2026-02-10', 10, cal)).toBe('2026-03-02');
    // without the calendar: 11, 12, 13, 16, 17, 18, 19, 20, 23, 24
    expect(addWorkingDays('2026-02-10', 10, [])).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-13', 0, cal)).toBe('2026-02-13');
  });

  it('counts deadlines across 中秋 and 国庆 with the Sunday and Saturday 调休', () => {
    // Fri 18 Sep; Sun 20 (调休) = 1; 21-24 = 2..5; 25-27 holiday; 28-30 = 6..8; 1-7 Oct holiday; 8 = 9, 9 = 10, Sat 10 (调休) = 11, Mon 12 = 12
    expect(addWorkingDays('2026-09-18', 1, cal)).toBe('2026-09-20');
    expect(addWorkingDays('2026-09-18', 10, cal)).toBe('2026-10-09');
    expect(addWorkingDays('2026-09-18', 11, cal)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-18', 12, cal)).toBe('2026-10-12');
  });

  it('counts across the year end and 劳动节', () => {
    // Wed 31 Dec 2025 + 1: 1-3 Jan holiday, Sun 4 Jan 调休
    expect(addWorkingDays('2025-12-31', 1, cal)).toBe('2026-01-04');
    // Thu 30 Apr + 1: 1-5 May holiday → Wed 6 May; + 4: 6, 7, 8, Sat 9 (调休)
    expect(addWorkingDays('2026-04-30', 1, cal)).toBe('2026-05-06');
    expect(addWorkingDays('2026-04-30', 4, cal)).toBe('2026-05-09');
    // a month: Mon 2 Mar + 20 working days, no holidays in March → Mon 30 Mar
    expect(addWorkingDays('2026-03-02', 20, cal)).toBe('2026-03-30');
  });

  it('measures working days between two dates, consistently with addWorkingDays', () => {
    expect(workingDaysBetween('2026-02-13', '2026-03-02', cal)).toBe(7);
    expect(workingDaysBetween('2026-03-02', '2026-02-13', cal)).toBe(-7);
    expect(workingDaysBetween('2026-02-15', '2026-02-23', cal)).toBe(0);
    expect(workingDaysBetween('2026-02-13', '2026-02-13', cal)).toBe(0);
    expect(workingDaysBetween('2026-09-18', '2026-10-12', cal)).toBe(12);
    for (const [start, n] of [['2026-01-01', 15], ['2026-09-30', 3], ['2026-12-30', 5]] as const) {
      expect(workingDaysBetween(start, addWorkingDays(start, n, cal), cal)).toBe(n);
    }
  });

  it('lets an administrator’s correction win', () => {
    const corrected: CalendarDay[] = [...cal.filter((c) => c.day !== '2026-02-28'), { day: '2026-03-03', kind: 'holiday', name: '临时调整' }];
    // 14 (Sat) = 1, 24..27 = 2..5, 28 no longer worked, Mon 2 Mar = 6, Tue 3 holiday, Wed 4 Mar = 7
    expect(addWorkingDays('2026-02-13', 7, corrected)).toBe('2026-03-04');
  });

  it('refuses malformed dates and counts', () => {
    expect(() => dayNumber('2026-2-3')).toThrow('日期格式应为 YYYY-MM-DD');
    expect(() => dayNumber('2026-02-30')).toThrow('日期不存在');
    expect(() => addWorkingDays('2026-02-13', -1, cal)).toThrow('非负整数');
    expect(() => addWorkingDays('2026-02-13', 1.5, cal)).toThrow('非负整数');
  });
});
