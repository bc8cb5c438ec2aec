import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { binary } from '../support/binary.ts';
import { loginAs, testContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
const agents: Record<string, Awaited<ReturnType<typeof loginAs>>> = {};
beforeAll(async () => {
  ctx = await testContext();
  for (const user of ['planner', 'leader']) agents[user] = await loginAs(ctx.app, user);
});

const HEADERS = ['项目名称', '项目单位', '县（市、区）代码', '项目类型', '行业代码', '总投资（万元）', '选址（存量地块编号或 WKT）', '用地（亩）'];
async function workbook(rows: (string | number)[][], headers = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目导入');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const upload = (user: string, bytes: Buffer, name = 'projects.xlsx') => agents[user]!.post('/api/projects/import').attach('file', bytes, name);
const suffix = Date.now().toString(36);
// A small square in 东昌府区 (lon/lat), clear of the demo constraints' exact figures; any valid site will do.
const WKT = 'POLYGON((116.0300 36.4200,116.0320 36.4200,116.0320 36.4215,116.0300 36.4215,116.0300 36.4200))';

describe('projects as Excel', () => {
  it('exports the filtered list as .xlsx with Chinese headers and figures as numbers', async () => {
    const leader = await loginAs(ctx.app, 'leader');
    const res = await leader.get('/api/projects/export.xlsx?stage=在建').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as Buffer as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('项目代码');
    const expected = await ctx.db.knex('projects').where({ stage: '在建' }).orderBy('id').select('code', 'investment_wan');
    expect(ws.rowCount - 1).toBe(expected.length);
    expect(ws.getRow(2).getCell(1).value).toBe(expected[0].code);
    expect(ws.getRow(2).getCell(8).value).toBe(Number(expected[0].investment_wan));
  });

  it('imports every row or none: a stock parcel code and a WKT site become projects with version-1 sites', async () => {
    const res = await upload('planner', await workbook([
      [`导入测试项目甲${suffix}`, '聊城导入测试有限公司', '371502', '社会投资', 'C3612', 30000, '371502-CL-0001', 50],
      [`导入测试项目乙${suffix}`, '聊城导入测试有限公司', '371502', '招商引资', 'C2651', 60000, WKT, 40],
    ])).expect(201);
    expect(res.body.imported).toBe(2);
    const rows = await ctx.db.knex('projects as p').join('project_sites as s', 's.project_id', 'p.id').whereIn('p.name', [`导入测试项目甲${suffix}`, `导入测试项目乙${suffix}`]).select('p.code', 's.version', 's.source', 's.area_m2');
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r).toMatchObject({ version: 1, source: 'imported' });
    // The parcel's own area (planar, GK zone 39) is the first project's site area.
    const parcel = await ctx.db.knex.raw(`select ST_Area(ST_Transform(f.geom, 4527)) as m2 from layer_features f join layers l on l.id = f.layer_id where l.key = 'stock-land' and f.properties ->> 'code' = '371502-CL-0001'`);
    expect(Math.abs(Number(rows.find((r) => r.code === res.body.projects[0].code)!.area_m2) / Number(parcel.rows[0].m2) - 1)).toBeLessThan(0.001);
  });

  it('names each bad row and stores nothing when any row is rejected', async () => {
    const good = `导入测试项目丙${suffix}`;
    const res = await upload('planner', await workbook([
      [good, '聊城导入测试有限公司', '371502', '社会投资', 'C3612', 30000, '371502-CL-0001', 50],
      [`坏行一${suffix}`, '聊城导入测试有限公司', '379999', '社会投资', 'C3612', 30000, '371502-CL-0001', 50],
      [`坏行二${suffix}`, '聊城导入测试有限公司', '371502', '社会投资', 'C3612', 30000, '371502-CL-9999', 50],
      [`坏行三${suffix}`, '聊城导入测试有限公司', '371502', '其他', 'C3612', -5, WKT, 50],
    ])).expect(400);
    expect(res.body.error.code).toBe('IMPORT_ROWS');
    expect(res.body.error.message).toMatch(/3 行有错误，未导入任何项目/);
    const details = res.body.error.details as { row: number; message: string }[];
    expect(details.map((d) => d.row)).toEqual([3, 4, 5]);
    expect(details[0]!.message).toMatch(/379999/);
    expect(details[1]!.message).toMatch(/371502-CL-9999 不存在/);
    expect(details[2]!.message).toMatch(/项目类型/);
    expect(await ctx.db.knex('projects').where({ name: good }).first()).toBeUndefined();
  });

  it('refuses a file that is not a workbook, one without the required columns, and a user who may not create projects', async () => {
    const notXlsx = await upload('planner', Buffer.from('项目名称,项目单位\n甲,乙\n'), 'projects.csv').expect(400);
    expect(notXlsx.body.error.message).toMatch(/不是有效的 Excel/);
    const noColumns = await upload('planner', await workbook([['甲', '乙']], ['项目名称', '项目单位'])).expect(400);
    expect(noColumns.body.error.message).toMatch(/缺少必需的列：县（市、区）代码、项目类型、选址/);
    await upload('leader', await workbook([[`甲${suffix}`, '乙公司', '371502', '社会投资', 'C3612', 1, '371502-CL-0001', 1]])).expect(403);
  });

  it('offers an import template the import reads', async () => {
    const planner = await loginAs(ctx.app, 'planner');
    const template = await planner.get('/api/projects/import-template.xlsx').buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.body as Buffer as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.getRow(2).getCell(1).value = `模板示例项目${suffix}`;
    const res = await upload('planner', Buffer.from(await wb.xlsx.writeBuffer())).expect(201);
    expect(res.body.imported).toBe(1);
  });
});
