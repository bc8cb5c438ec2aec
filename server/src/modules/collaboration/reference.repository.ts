import type { Knex } from 'knex';
import type { CalendarDay } from '../../../../common/src/working-days.ts';

/** Reference data the review reads: the departments tasks go to, the calendar deadlines are counted in. */
type Db = Knex | Knex.Transaction;

export interface Department {
  id: number;
  code: string;
  name: string;
}

export async function listDepartments(db: Db): Promise<Department[]> {
  return db('departments').select('id', 'code', 'name');
}

export async function departmentByCode(db: Db, code: string): Promise<{ id: number } | undefined> {
  return db('departments').where({ code }).first('id');
}

/** The working-day calendar (holidays and make-up days) that review deadlines are counted in. */
export async function reviewCalendar(db: Db): Promise<CalendarDay[]> {
  return (await db('calendar_days').select('day', 'kind', 'name')).map((d) => ({ day: String(d.day).slice(0, 10), kind: d.kind, name: d.name }));
}
