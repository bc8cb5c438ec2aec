import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import proj4 from 'proj4';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs, testContext, type TestContext } from '../support/test-app.ts';

// Independent GK definition (zone 39): expected areas do not come from the code under test.
const GK39 = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
type XY = [number, number];
const toGk = (p: XY) => proj4('EPSG:4326', GK39, p) as XY;
const square = ([x, y]: XY, side: number): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + side, y], [x + side, y + side], [x, y + side], [x, y]].map((p) => proj4(GK39, 'EPSG:4326', p) as XY)],
});
const demoFile = (key: string) => JSON.parse(readFileSync(new URL(`../../data/demo/${key}.geojson`, import.meta.url), 'utf8')) as GeoJSON.FeatureCollection;

let ctx: TestContext;
let planner: Awaited<ReturnType<typeof loginAs>>;
const agents = new Map<string, Awaited<ReturnType<typeof loginAs>>>();
const as = async (user: string) => {
  if (!agents.has(user)) agents.set(user, await loginAs(ctx.app, user));
  return agents.get(user)!;
};

// A 200 m square on a permanent-farmland patch in 东昌府区 (zrzy must review it), and a 60 m square
// inside a stock-land parcel within the town development boundary (no conflict).
let farmlandSite: GeoJSON.Polygon;
let cleanSite: GeoJSON.Polygon;

const baseProject = () => ({
  name: '测试新能源装备制造项目',
  unitName: '聊城测试装备有限公司',
  county: '371502',
  type: '招商引资',
  industryCode: 'C3612',
  investmentWan: 120_000,
  fundingSources: ['自筹'],
  needs: { landMu: 30, energyTce: 2000, codT: 1.2 },
  site: { geometry: farmlandSite, source: 'drawn' },
});

beforeAll(async () => {
  ctx = await testContext();
  planner = await as('planner');
  const patch = demoFile('farmland').features.find((f) => f.properties!.county === '371502') ?? demoFile('farmland').features[7]!;
  const inside = toGk(turf.pointOnFeature(patch).geometry.coordinates as XY);
  farmlandSite = square([inside[0] - 100, inside[1] - 100], 200);
  const parcel = demoFile('stock-land').features.find((f) => f.properties!.code === '371502-CL-0002')!;
  const p = toGk(turf.pointOnFeature(parcel).geometry.coordinates as XY);
  cleanSite = square([p[0] - 30, p[1] - 30], 60);
});


describe('POST /api/projects', () => {
  it('creates a project from a site: numbered, 谋划, classified, the site as version 1 measured in the GK zone', async () => {
    const res = await planner.post('/api/projects').send(baseProject()).expect(201);
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    expect(res.body.code).toMatch(new RegExp(`^LC-371502-${year}-\\d{4}$`));
    expect(res.body.stage).toBe('谋划');
    expect(Array.isArray(res.body.classification)).toBe(true);
    for (const c of res.body.classification) expect(c.reason).toMatch(/[\u4e00-\u9fa5]/);
    const detail = await planner.get(`/api/projects/${res.body.id}`).expect(200);
    expect(detail.body.sites).toHaveLength(1);
    expect(detail.body.sites[0].epsg).toBe(4527);
    expect(Math.abs(detail.body.sites[0].areaM2 / 40_000 - 1)).toBeLessThan(0.001);
    expect(detail.body.history.map((h: { to: string }) => h.to)).toEqual(['谋划']);
    const audit = await ctx.db.knex('audit_log').where({ action: 'project.create', entity_id: String(res.body.id) }).first();
    expect(audit.detail).toMatchObject({ code: res.body.code, county: '371502' });
  });

  it('refuses bad input with 400 and a Chinese message, writing nothing', async () => {
    // Counted by the name these requests use: other test files write projects and audit rows at the same time.
    const name = baseProject().name;
    const written = () =>
      Promise.all([
        ctx.db.knex('projects').where({ name }).count({ n: '*' }),
        ctx.db.knex('project_sites as s').join('projects as p', 'p.id', 's.project_id').where('p.name', name).count({ n: '*' }),
        ctx.db.knex('audit_log').where({ action: 'project.create' }).whereRaw(`detail ->> 'name' = ?`, [name]).count({ n: '*' }),
      ]).then((rows) => rows.map((r) => Number(r[0]!.n)));
    const before = await written();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...baseProject(), name: '' }, /项目名称/],
      [{ ...baseProject(), county: '371599' }, /不是聊城市的县级行政区/],
      [{ ...baseProject(), type: '其他' }, /项目类型/],
      [{ ...baseProject(), needs: { landMu: -5 } }, /不能为负数/],
      [{ ...baseProject(), needs: { water: 5 } }, /要素需求只能包含/],
      [{ ...baseProject(), plannedStart: '2027-05-01', plannedEnd: '2026-01-01' }, /竣工日期不能早于/],
      [{ ...baseProject(), site: { geometry: square(toGk([121, 31]), 100) } }, /不在聊城市/],
      [{ ...baseProject(), site: { geometry: { type: 'Point', coordinates: [116, 36.4] } } }, /./],
    ];
    for (const [body, message] of cases) {
      const res = await planner.post('/api/projects').send(body).expect(400);
      expect(res.body.error.message).toMatch(message);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    await planner.post('/api/projects').send([baseProject()]).expect(400);
    expect(await written()).toEqual(before);
  });
});

describe('access to projects', () => {
  let id: number;
  let otherCountyPlanner: Awaited<ReturnType<typeof loginAs>>;
  beforeAll(async () => {
    id = (await planner.post('/api/projects').send({ ...baseProject(), name: '访问控制测试项目' }).expect(201)).body.id;
    // A planner of 冠县: same role, another county.
    const source = await ctx.db.knex('users').where({ username: 'planner' }).first();
    const gx = await ctx.db.knex('regions').where({ code: '371525' }).first('id');
    const username = `gxplanner${Date.now().toString(36)}`;
    const [user] = await ctx.db.knex('users').insert({ username, display_name: '冠县谋划专员（测试）', password_hash: source.password_hash, region_id: gx.id }).returning('id');
    const roles = await ctx.db.knex('user_roles').where({ user_id: source.id }).pluck('role_key');
    await ctx.db.knex('user_roles').insert(roles.map((role_key: string) => ({ user_id: user.id, role_key })));
    otherCountyPlanner = await loginAs(ctx.app, username);
  });

  it('hides a county project from another county and from a department without a task: "not found or no access"', async () => {
    for (const agent of [otherCountyPlanner, await as('zrzy')]) {
      const res = await agent.get(`/api/projects/${id}`).expect(404);
      expect(res.body.error.message).toBe('项目不存在或无权访问');
      const list = await agent.get('/api/projects?limit=500').expect(200);
      expect(list.body.items.map((p: { id: number }) => p.id)).not.toContain(id);
    }
    await otherCountyPlanner.put(`/api/projects/${id}/site`).send({ geometry: cleanSite }).expect(404);
    await otherCountyPlanner.post(`/api/projects/${id}/submissions`).send({}).expect(404);
    // Nor create one in 东昌府区.
    await otherCountyPlanner.post('/api/projects').send(baseProject()).expect(403);
  });

  it('lets the leader and the city command read everything; the leader writes nothing', async () => {
    const leader = await as('leader');
    await leader.get(`/api/projects/${id}`).expect(200);
    await (await as('city')).get(`/api/projects/${id}`).expect(200);
    await leader.put(`/api/projects/${id}/site`).send({ geometry: cleanSite }).expect(403);
    await leader.post(`/api/projects/${id}/transitions`).send({ to: '终止' }).expect(403);
    await leader.post(`/api/projects/${id}/submissions`).send({}).expect(403);
    await leader.post('/api/projects').send(baseProject()).expect(403);
  });

  it('requires a login', async () => {
    await request(ctx.app).get(`/api/projects/${id}`).expect(401);
  });
});

interface Task {
  id: number;
  department: string;
  dueAt: string;
}

/** The demo reviewer accounts are named after their department's code. */
const answer = async (task: Task, verdict: 'agree' | 'conditional' | 'disagree', text = '经审查，同意。', conditions?: string) =>
  (await as(task.department)).post(`/api/tasks/${task.id}/opinion`).send({ verdict, text, conditions });

describe('策划生成: the whole round trip', () => {
  let id: number;
  let round1: Task[];
  let round2: Task[];

  it('submits round 1: tasks by the rules (永久基本农田 → 自然资源), deadline in working days, stage 策划生成中', async () => {
    id = (await planner.post('/api/projects').send({ ...baseProject(), name: '策划生成全流程测试项目' }).expect(201)).body.id;
    const res = await planner.post(`/api/projects/${id}/submissions`).send({}).expect(201);
    expect(res.body.round).toBe(1);
    round1 = res.body.tasks;
    const departments = round1.map((t) => t.department);
    expect(departments).toContain('zrzy'); // touches 永久基本农田 and needs land
    expect(departments).toContain('sthj'); // pollutant needs
    expect(departments).toContain('fgw'); // energy needs
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    for (const t of round1) expect(t.dueAt > today).toBe(true);
    // Where no holiday or 调休 lies in between, 5 working days are 5 weekdays.
    const special = await ctx.db.knex('calendar_days').where('day', '>', today).where('day', '<=', round1[0]!.dueAt).count({ n: '*' });
    if (Number(special[0]!.n) === 0) {
      const d = new Date(`${today}T00:00:00Z`);
      for (let n = 0; n < 5; ) {
        d.setUTCDate(d.getUTCDate() + 1);
        if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) n++;
      }
      expect(round1[0]!.dueAt).toBe(d.toISOString().slice(0, 10));
    }
    const detail = await planner.get(`/api/projects/${id}`).expect(200);
    expect(detail.body.stage).toBe('策划生成中');
    expect(detail.body.rounds[0]).toMatchObject({ round: 1, status: 'open', siteVersion: 1 });
    expect(detail.body.rounds[0].sitingReport.number).toMatch(/^XZ-/);
    // A second submission while the round is open is refused.
    await planner.post(`/api/projects/${id}/submissions`).send({}).expect(409);
  });

  it('shows the reviewer the task with the site and a draft opinion from their layers; another department cannot answer it', async () => {
    const zrzyTask = round1.find((t) => t.department === 'zrzy')!;
    const zrzy = await as('zrzy');
    const list = await zrzy.get('/api/tasks?status=open').expect(200);
    expect(list.body.map((t: { id: number }) => t.id)).toContain(zrzyTask.id);
    expect(list.body.every((t: { department: { code: string } }) => t.department.code === 'zrzy')).toBe(true);
    const task = await zrzy.get(`/api/tasks/${zrzyTask.id}`).expect(200);
    expect(task.body.draftOpinion).toMatch(/永久基本农田/);
    expect(task.body.site.geometry.type).toBe('MultiPolygon');
    expect(task.body.sitingReport.analysis.verdict.result).toBe('forbidden');
    // Now that zrzy has a task, it may read the project and the report the round froze; a department without a task may not.
    await zrzy.get(`/api/projects/${id}`).expect(200);
    await zrzy.get(`/api/siting/reports/${task.body.sitingReport.id}/map.svg`).expect(200);
    await (await as('wlj')).get(`/api/siting/reports/${task.body.sitingReport.id}`).expect(404);
    // Notifications: the new task is there, unread, until marked read.
    const unread = (await zrzy.get('/api/notifications').expect(200)).body.filter((n: { read: boolean; id: number }) => !n.read && n.id > 0);
    expect(unread.length).toBeGreaterThan(0);
    const marked = await zrzy.post('/api/notifications/read').send({ ids: unread.map((n: { id: number }) => n.id) }).expect(200);
    expect(marked.body.marked).toBe(unread.length);
    expect((await zrzy.get('/api/notifications').expect(200)).body.filter((n: { read: boolean; id: number }) => !n.read && n.id > 0)).toEqual([]);
    const sthj = await as('sthj');
    await sthj.get(`/api/tasks/${zrzyTask.id}`).expect(404);
    await sthj.post(`/api/tasks/${zrzyTask.id}/opinion`).send({ verdict: 'agree', text: '同意' }).expect(404);
    await planner.post(`/api/tasks/${zrzyTask.id}/opinion`).send({ verdict: 'agree', text: '同意' }).expect(404);
  });

  it('flags an overdue task, lists it for the command, and warns the department of the deadline', async () => {
    const t = round1.find((x) => x.department === 'zrzy')!;
    await ctx.db.knex('consultation_tasks').where({ id: t.id }).update({ deadline: '2020-01-02' });
    try {
      const mine = (await (await as('zrzy')).get('/api/tasks?status=open').expect(200)).body.find((x: { id: number }) => x.id === t.id);
      expect(mine).toMatchObject({ overdue: true, dueAt: '2020-01-02' });
      const overdue = (await (await as('city')).get('/api/tasks?overdue=true').expect(200)).body as { id: number; overdue: boolean }[];
      expect(overdue.map((x) => x.id)).toContain(t.id);
      expect(overdue.every((x) => x.overdue)).toBe(true);
      const notes = (await (await as('zrzy')).get('/api/notifications').expect(200)).body as { kind: string; link: string }[];
      expect(notes.some((n) => n.kind === 'task.due' && n.link === `/tasks/${t.id}`)).toBe(true);
      expect(notes.some((n) => n.kind === 'task.new' && n.link === `/tasks/${t.id}`)).toBe(true);
      // A planner has no task list.
      await planner.get('/api/tasks').expect(403);
    } finally {
      await ctx.db.knex('consultation_tasks').where({ id: t.id }).update({ deadline: t.dueAt });
    }
  });

  it('refuses a bad opinion with 400: unknown verdict, empty text, conditional without conditions', async () => {
    const t = round1.find((x) => x.department === 'zrzy')!;
    const zrzy = await as('zrzy');
    for (const [body, message] of [
      [{ verdict: 'maybe', text: '再议' }, /审查结论/],
      [{ verdict: 'agree', text: '' }, /审查意见/],
      [{ verdict: 'conditional', text: '有条件同意' }, /须写明条件/],
    ] as const) {
      const res = await zrzy.post(`/api/tasks/${t.id}/opinion`).send(body).expect(400);
      expect(res.body.error.message).toMatch(message);
    }
  });

  it('a disagreement rejects round 1; the project stays in 策划生成中; a late opinion on the closed round is refused', async () => {
    const others = round1.filter((t) => t.department !== 'zrzy');
    for (const t of others) expect((await answer(t, 'agree')).status).toBe(200);
    const zrzy = round1.find((t) => t.department === 'zrzy')!;
    const res = await answer(zrzy, 'disagree', '选址占用永久基本农田，不同意，请调整选址避让。');
    expect(res.status).toBe(200);
    expect(res.body.round).toMatchObject({ status: 'rejected', remaining: 0 });
    expect((await answer(zrzy, 'agree')).status).toBe(409);
    const detail = await planner.get(`/api/projects/${id}`).expect(200);
    expect(detail.body.stage).toBe('策划生成中');
    expect(detail.body.rounds[0].status).toBe('rejected');
    expect(detail.body.rounds[0].tasks.find((t: { department: { code: string } }) => t.department.code === 'zrzy').verdict).toBe('disagree');
  });

  it('the planner adjusts the site (version 2, area change shown) and round 2 passes when all agree at once → 储备', async () => {
    const change = await planner.put(`/api/projects/${id}/site`).send({ geometry: cleanSite, source: 'drawn', note: '避让永久基本农田' }).expect(200);
    expect(change.body.version).toBe(2);
    expect(Math.abs(change.body.areaM2 / 3600 - 1)).toBeLessThan(0.001);
    expect(change.body.areaChangeM2).toBeCloseTo(change.body.areaM2 - 40_000, 0);
    const res = await planner.post(`/api/projects/${id}/submissions`).send({ departments: ['xzsp'] }).expect(201);
    expect(res.body.round).toBe(2);
    round2 = res.body.tasks;
    expect(round2.map((t) => t.department)).toContain('xzsp');
    // While round 2 is open the site cannot change.
    await planner.put(`/api/projects/${id}/site`).send({ geometry: farmlandSite }).expect(409);
    // Everyone answers at the same moment; exactly one answer closes the round.
    const results = await Promise.all(round2.map((t, i) => answer(t, i === 0 ? 'conditional' : 'agree', '同意。', i === 0 ? '须落实节能审查意见' : undefined)));
    for (const r of results) expect(r.status).toBe(200);
    expect(results.filter((r) => r.body.round.status === 'passed')).toHaveLength(1);
    const detail = await planner.get(`/api/projects/${id}`).expect(200);
    expect(detail.body.stage).toBe('储备');
    expect(detail.body.formalOpinions).toMatchObject({ round: 2, valid: true });
    expect(detail.body.rounds[1].tasks.some((t: { conditions: string | null }) => t.conditions === '须落实节能审查意见')).toBe(true);
    const closes = await ctx.db.knex('audit_log').where({ action: 'consultation.round.close', entity_id: String(id) }).orderBy('id');
    expect(closes.map((c) => c.detail.round)).toEqual([1, 2]);
    const passes = await ctx.db.knex('project_stage_history').where({ project_id: id, action: 'pass' });
    expect(passes).toHaveLength(1);
  });

  it('a site change after the pass invalidates the 正式预审意见 and sends the project back to 策划生成中', async () => {
    const bigger = square(toGk((cleanSite.coordinates[0]![0] as XY)), 80);
    const change = await planner.put(`/api/projects/${id}/site`).send({ geometry: bigger }).expect(200);
    expect(change.body).toMatchObject({ version: 3, stage: '策划生成中', formalOpinionsInvalidated: true });
    const detail = await planner.get(`/api/projects/${id}`).expect(200);
    expect(detail.body.formalOpinions).toMatchObject({ round: 2, valid: false });
    expect(detail.body.history.map((h: { action: string }) => h.action)).toEqual(['create', 'submit', 'resubmit', 'pass', 'change_site']);
    expect(detail.body.history.map((h: { to: string }) => h.to)).toEqual(['谋划', '策划生成中', '策划生成中', '储备', '策划生成中']);
  });

  it('refuses a new site once a project is past the reserve', async () => {
    const building = await ctx.db.knex('projects').where({ stage: '在建' }).first('id');
    const res = await (await as('city')).put(`/api/projects/${building.id}/site`).send({ geometry: cleanSite }).expect(409);
    expect(res.body.error.message).toMatch(/在建/);
  });

  it('refuses invalid transitions (409) and names automatic ones', async () => {
    const res = await planner.post(`/api/projects/${id}/transitions`).send({ to: '在建' }).expect(409);
    expect(res.body.error.message).toMatch(/不能从“策划生成中”变更为“在建”/);
    const auto = await planner.post(`/api/projects/${id}/transitions`).send({ to: '储备' }).expect(403);
    expect(auto.body.error.message).toMatch(/储备/);
    await planner.post(`/api/projects/${id}/transitions`).send({ to: '不存在' }).expect(400);
  });

  it('keeps every step on the audit log', async () => {
    const actions = (await ctx.db.knex('audit_log').where({ entity_kind: 'project', entity_id: String(id) }).orderBy('id').pluck('action')) as string[];
    expect(actions).toEqual(['project.create', 'project.submit', 'consultation.round.close', 'project.site.change', 'project.submit', 'consultation.round.close', 'project.site.change']);
    const opinions = await ctx.db.knex('audit_log').where({ action: 'consultation.opinion' }).whereIn('entity_id', [...round1, ...round2].map((t) => String(t.id)));
    expect(opinions).toHaveLength(round1.length + round2.length);
  });
});

describe('策划生成: a disagreement goes to the joint meeting', () => {
  it('problem list → meeting agenda → decision adopts the project into 储备', async () => {
    const id = (await planner.post('/api/projects').send({ ...baseProject(), name: '联席会议测试项目' }).expect(201)).body.id;
    // Before any rejected round there is nothing to escalate.
    await planner.post(`/api/projects/${id}/problems`).send({ title: '占用永久基本农田', description: '确有必要建设，需会商' }).expect(409);
    const tasks: Task[] = (await planner.post(`/api/projects/${id}/submissions`).send({}).expect(201)).body.tasks;
    for (const t of tasks) expect((await answer(t, t.department === 'zrzy' ? 'disagree' : 'agree', t.department === 'zrzy' ? '不同意占用永久基本农田。' : '同意。')).status).toBe(200);

    const problem = await planner.post(`/api/projects/${id}/problems`).send({ title: '占用永久基本农田', description: '项目确有必要建设，选址暂无法调整，提请联席会议会商' }).expect(201);
    await planner.post(`/api/projects/${id}/problems`).send({ title: '重复', description: '重复提报' }).expect(409);
    const listed = await (await as('city')).get('/api/problems?status=open').expect(200);
    expect(listed.body.map((p: { id: number }) => p.id)).toContain(problem.body.id);

    await planner.post('/api/meetings').send({ title: '第一次联席会议', date: '2026-12-01', problemIds: [problem.body.id] }).expect(403);
    const city = await as('city');
    const meeting = await city.post('/api/meetings').send({ title: '第一次联席会议', date: '2026-12-01', problemIds: [problem.body.id] }).expect(201);
    expect(meeting.body.agenda).toHaveLength(1);
    expect(meeting.body.agenda[0]).toMatchObject({ problem_id: problem.body.id, status: 'on_agenda', decision: null });

    const bad = await city.post(`/api/meetings/${meeting.body.id}/decisions`).send({ problemId: problem.body.id, decision: 'adopt_with_conditions', text: '附条件同意' }).expect(400);
    expect(bad.body.error.message).toMatch(/责任单位/);
    const decided = await city
      .post(`/api/meetings/${meeting.body.id}/decisions`)
      .send({ problemId: problem.body.id, decision: 'adopt_with_conditions', text: '同意纳入储备，由自然资源和规划局指导落实占补平衡', responsibleDepartment: 'zrzy', deadline: '2027-03-31' })
      .expect(200);
    expect(decided.body).toMatchObject({ projectStage: '储备', meetingClosed: true });
    await city.post(`/api/meetings/${meeting.body.id}/decisions`).send({ problemId: problem.body.id, decision: 'reject', text: '再议', outcome: 'return' }).expect(409);
    const detail = await planner.get(`/api/projects/${id}`).expect(200);
    expect(detail.body.stage).toBe('储备');
    expect(detail.body.history.map((h: { action: string }) => h.action)).toEqual(['create', 'submit', 'escalate', 'meeting_adopt']);
    const notes = await planner.get('/api/notifications').expect(200);
    expect(notes.body.some((n: { kind: string; title: string }) => n.kind === 'meeting.decision' && n.title.includes('联席会议测试项目'))).toBe(true);
  });
});

describe('GET /api/projects/features', () => {
  it('gives each visible project as a map feature (latest site version), by the same access rule as reading', async () => {
    // Other test files create projects meanwhile: what existed before is shown, nothing that did not exist after.
    const ids = async (countyOnly: boolean) =>
      new Set<number>(
        (await ctx.db.knex('projects as p').join('regions as r', 'r.id', 'p.region_id').modify((q) => {
          if (countyOnly) q.where((w) => w.where('r.code', '371502').orWhere('p.is_public', true));
        }).pluck('p.id')) as number[],
      );
    const shown = (body: { features: { id: number }[] }) => new Set(body.features.map((f) => f.id));
    for (const [agent, countyOnly] of [[await as('leader'), false], [planner, true]] as const) {
      const before = await ids(countyOnly);
      const got = shown((await agent.get('/api/projects/features').expect(200)).body);
      const after = await ids(countyOnly);
      for (const id of before) expect(got.has(id)).toBe(true);
      for (const id of got) expect(after.has(id)).toBe(true);
    }
    const mine = await planner.get('/api/projects/features').expect(200);
    const f = mine.body.features[0];
    expect(f.geometry.type).toBe('MultiPolygon');
    expect(f.properties).toMatchObject({ id: expect.any(Number), code: expect.stringMatching(/^LC-/), stage: expect.any(String) });
    const inBuilding = await planner.get('/api/projects/features?stage=在建').expect(200);
    expect(inBuilding.body.features.every((x: { properties: { stage: string } }) => x.properties.stage === '在建')).toBe(true);
  });
});
