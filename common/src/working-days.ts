/**
 * Working days for review deadlines (Art. 10: departments answer "按照规定时间"; issue 5 item 4: deadlines in
 * working days with Chinese public holidays and 调休 handled). Pure arithmetic on 'YYYY-MM-DD' strings in UTC:
 * no local time zone is ever consulted, so the server and every browser agree.
 *
 * A day is a working day when the calendar marks it 'workday' (调休上班, usually a weekend), or when it is a
 * Monday-Friday the calendar does not mark 'holiday'.
 */

export interface CalendarDay {
  /** YYYY-MM-DD */
  day: string;
  kind: 'holiday' | 'workday';
  name: string;
}

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' string; throws on anything else (including 2026-02-30). */
export function dayNumber(day: string): number {
  const m = DATE_RE.exec(day);
  if (!m) throw new RangeError(`日期格式应为 YYYY-MM-DD：${day}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) throw new RangeError(`日期不存在：${day}`);
  return ms / DAY_MS;
}

/** The 'YYYY-MM-DD' string of a day number. */
export function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The day `n` calendar days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  return dayString(dayNumber(day) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(day) + 4) % 7) + 7) % 7;
}

/** Expands a holiday period (both ends included) into calendar days. */
function period(name: string, from: string, to: string): CalendarDay[] {
  const out: CalendarDay[] = [];
  for (let n = dayNumber(from); n <= dayNumber(to); n++) out.push({ day: dayString(n), kind: 'holiday', name });
  return out;
}
const workday = (day: string, name: string): CalendarDay => ({ day, kind: 'workday', name: `${name}调休上班` });

/**
 * Mainland China's public holidays and 调休 working days for 2026, from the State Council General Office's
 * 《国务院办公厅关于2026年部分节假日安排的通知》(dated 4 November 2025, published by Xinhua):
 *   元旦 1月1日-3日, 1月4日（周日）上班; 春节 2月15日-23日, 2月14日（周六）、2月28日（周六）上班;
 *   清明节 4月4日-6日; 劳动节 5月1日-5日, 5月9日（周六）上班; 端午节 6月19日-21日; 中秋节 9月25日-27日;
 *   国庆节 10月1日-7日, 9月20日（周日）、10月10日（周六）上班.
 * Every day of a holiday period is listed (weekends included) so a calendar view can name it.
 * 2027 is not included: its notice is published late in 2026 and we do not have it; until an administrator
 * enters it, 2027 counts Monday-Friday only. The server seeds these rows into the `calendar_days` table, where
 * an administrator (calendar.manage) corrects or extends them; deadlines are computed from that table.
 */
export const CN_CALENDAR: readonly CalendarDay[] = [
  ...period('元旦', '2026-01-01', '2026-01-03'),
  workday('2026-01-04', '元旦'),
  workday('2026-02-14', '春节'),
  ...period('春节', '2026-02-15', '2026-02-23'),
  workday('2026-02-28', '春节'),
  ...period('清明节', '2026-04-04', '2026-04-06'),
  ...period('劳动节', '2026-05-01', '2026-05-05'),
  workday('2026-05-09', '劳动节'),
  ...period('端午节', '2026-06-19', '2026-06-21'),
  workday('2026-09-20', '国庆节'),
  ...period('中秋节', '2026-09-25', '2026-09-27'),
  ...period('国庆节', '2026-10-01', '2026-10-07'),
  workday('2026-10-10', '国庆节'),
];

/** The years CN_CALENDAR covers; outside them only weekends are known. */
export const CN_CALENDAR_YEARS: readonly number[] = [2026];

// One lookup map per calendar array (arrays are not mutated once built).
const lookups = new WeakMap<readonly CalendarDay[], Map<string, CalendarDay['kind']>>();
function lookup(calendar: readonly CalendarDay[]): Map<string, CalendarDay['kind']> {
  let map = lookups.get(calendar);
  if (!map) {
    map = new Map(calendar.map((c) => [c.day, c.kind]));
    lookups.set(calendar, map);
  }
  return map;
}

export function isWorkingDay(day: string, calendar: readonly CalendarDay[]): boolean {
  const marked = lookup(calendar).get(day);
  if (marked) return marked === 'workday';
  const w = weekday(day);
  return w !== 0 && w !== 6;
}

/**
 * The deadline `n` working days after `start`: `start` itself is not counted, the n-th working day after it is
 * returned (n = 0 → start). A task given on Friday 2026-02-13 with 2 working days is due on 2026-02-24.
 */
export function addWorkingDays(start: string, n: number, calendar: readonly CalendarDay[]): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日天数须为非负整数：${n}`);
  let d = dayNumber(start);
  for (let left = n; left > 0; ) {
    d++;
    if (isWorkingDay(dayString(d), calendar)) left--;
  }
  return dayString(d);
}

/**
 * The working days in (a, b]: a not counted, b counted — so workingDaysBetween(a, addWorkingDays(a, n)) = n.
 * Negative when b is before a (a task's remaining working days become negative once it is overdue).
 */
export function workingDaysBetween(a: string, b: string, calendar: readonly CalendarDay[]): number {
  const [na, nb] = [dayNumber(a), dayNumber(b)];
  if (nb < na) return -workingDaysBetween(b, a, calendar);
  let count = 0;
  for (let d = na + 1; d <= nb; d++) if (isWorkingDay(dayString(d), calendar)) count++;
  return count;
}

/** Today's date (YYYY-MM-DD) in China, the calendar of deadlines, ledgers and due dates. */
export const chinaToday = (now = new Date()): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
