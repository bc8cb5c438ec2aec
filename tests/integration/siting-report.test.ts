import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import { PDFDocument, PDFDict, PDFName } from 'pdf-lib';
import proj4 from 'proj4';
import { beforeAll, describe, expect, it } from 'vitest';
import { binary } from '../support/binary.ts';
import { loginAs, testContext, type TestContext } from '../support/test-app.ts';

// Independent GK definition (zone 39, CM 117°E): expected figures must not come from the code under test.
const GK39 = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
type XY = [number, number];
const toGk = (lonLat: XY) => proj4('EPSG:4326', GK39, lonLat) as XY;
const toLonLat = (xy: XY) => proj4(GK39, 'EPSG:4326', xy) as XY;
const rectangle = ([x, y]: XY, w: number, h: number): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]].map((p) => toLonLat(p as XY))],
});

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const demoFile = (key: string) => JSON.parse(readFileSync(new URL(`../../data/demo/${key}.geojson`, import.meta.url), 'utf8')) as GeoJSON.FeatureCollection;

let ctx: TestContext;
let planner: Awaited<ReturnType<typeof loginAs>>;
// A 400 m × 300 m site whose south-west corner sits inside a permanent-farmland patch: it is forbidden.
let site: GeoJSON.Polygon;
const SITE_W = 400;
const SITE_H = 300;

beforeAll(async () => {
  ctx = await testContext();
  planner = await loginAs(ctx.app, 'planner');
  const patch = demoFile('farmland').features[7]!;
  const corner = toGk(turf.pointOnFeature(patch).geometry.coordinates as XY);
  site = rectangle([corner[0] - 50, corner[1] - 50], SITE_W, SITE_H);
});

const createReport = (body: unknown) => planner.post('/api/siting/reports').send(body as object);
const serial = (number: string) => Number(number.split('-')[2]);

describe('POST /api/siting/reports', () => {
  it('saves a numbered report whose figures are those of the analysis, with the rules and layer versions used', async () => {
    const analysis = (await planner.post('/api/siting/analyze').send({ geometry: site, needs: { landMu: 150 } }).expect(200)).body;
    const res = await createReport({ geometry: site, needs: { landMu: 150 } }).expect(201);
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    expect(res.body.number).toMatch(new RegExp(`^XZ-${year}-\\d{4}$`));
    expect(res.headers.location).toBe(`/api/siting/reports/${res.body.id}`);
    expect(res.body.analysis).toEqual(analysis);
    expect(res.body.analysis.verdict.result).toBe('forbidden');
    expect(res.body.title).toContain('东昌府区');
    expect(res.body.needs).toEqual({ landMu: 150 });
    expect(res.body.createdBy).toMatchObject({ username: 'planner' });
    expect(res.body.layerVersions.farmland).toBeGreaterThanOrEqual(1);
    expect(res.body.demo).toBe(true);
    const row = await ctx.db.knex('siting_reports').where({ id: res.body.id }).first('rules', 'region_id');
    expect((row.rules as { id: string }[]).map((r) => r.id)).toContain('farmland');
    const region = await ctx.db.knex('regions').where({ code: '371502' }).first('id');
    expect(row.region_id).toBe(region.id);
    const audit = await ctx.db.knex('audit_log').where({ action: 'siting.report.create', entity_id: String(res.body.id) }).first('detail');
    expect(audit.detail).toMatchObject({ number: res.body.number, verdict: 'forbidden' });

    const again = await planner.get(`/api/siting/reports/${res.body.id}`).expect(200);
    expect(again.body).toEqual(res.body);
    const list = await planner.get('/api/siting/reports').expect(200);
    expect(list.body.find((r: { id: number }) => r.id === res.body.id)).toMatchObject({ number: res.body.number, verdict: 'forbidden', county: '东昌府区' });
  });

  it('numbers reports one after another, also when they are saved at the same moment', async () => {
    const last = await ctx.db.knex('siting_reports').max({ id: 'id' }).first();
    const lastSerial = last?.id ? serial((await ctx.db.knex('siting_reports').where({ id: last.id }).first('number')).number) : 0;
    const responses = await Promise.all([1, 2, 3, 4, 5].map((i) => createReport({ geometry: site, title: `并发编号 ${i}` })));
    for (const r of responses) expect(r.status).toBe(201);
    const serials = responses.map((r) => serial(r.body.number)).sort((a, b) => a - b);
    // Distinct and after every earlier one (other test files may number reports in between on PostgreSQL).
    expect(new Set(serials).size).toBe(5);
    expect(serials[0]!).toBeGreaterThan(lastSerial);
  });

  it('refuses bad input with 400 and a Chinese message, writing nothing', async () => {
    // Counted by this file's default titles: other test files save reports at the same time.
    const mine = async () => Number((await ctx.db.knex('siting_reports').where('title', 'like', '%亩选址分析').count({ n: '*' }))[0]!.n);
    const before = await mine();
    const bowtie: GeoJSON.Polygon = { type: 'Polygon', coordinates: [[[116, 36.4], [116.01, 36.41], [116.01, 36.4], [116, 36.41], [116, 36.4]]] };
    const cases: [unknown, RegExp][] = [
      [[site], /JSON 对象/],
      [{ geometry: bowtie }, /自相交/],
      [{ geometry: rectangle(toGk([121, 31]), 100, 100) }, /不在聊城市/],
      [{ geometry: site, title: '题'.repeat(101) }, /100 个字/],
      [{ geometry: site, needs: { landMu: -1 } }, /不能为负数/],
    ];
    for (const [body, message] of cases) {
      const res = await createReport(body).expect(400);
      expect(res.body.error.message).toMatch(message);
    }
    const after = await mine();
    expect(after).toBe(before);
  });
});

describe('GET /api/siting/reports/:id: who may read a report', () => {
  let id: number;
  beforeAll(async () => {
    id = (await createReport({ geometry: site }).expect(201)).body.id;
  });

  it('lets the city command and a leader read it, and answers "not found or no access" to others', async () => {
    for (const user of ['city', 'leader']) await (await loginAs(ctx.app, user)).get(`/api/siting/reports/${id}`).expect(200);
    for (const user of ['zrzy', 'auditor']) {
      const res = await (await loginAs(ctx.app, user)).get(`/api/siting/reports/${id}`).expect(404);
      expect(res.body.error.message).toBe('选址报告不存在或无权访问');
      const list = await (await loginAs(ctx.app, user)).get('/api/siting/reports').expect(200);
      expect(list.body.map((r: { id: number }) => r.id)).not.toContain(id);
    }
    await planner.get('/api/siting/reports/999999999').expect(404);
    await planner.get('/api/siting/reports/abc').expect(404);
  });

  it('requires a login', async () => {
    const { default: request } = await import('supertest');
    await request(ctx.app).get(`/api/siting/reports/${id}`).expect(401);
  });
});

describe('the report map and PDF', () => {
  let report: { id: number; number: string; analysis: { area: { mu: number }; findings: { layerName: string; overlapMu: number }[] } };
  beforeAll(async () => {
    report = (await createReport({ geometry: site, title: '测试选址报告' }).expect(201)).body;
  });

  it('draws the site at the printed scale: its width on paper is its ground width divided by the scale', async () => {
    const res = await planner.get(`/api/siting/reports/${report.id}/map.svg`).expect(200);
    expect(res.headers['content-type']).toMatch(/image\/svg\+xml/);
    const svg = String(res.body ?? res.text);
    const scale = Number(/比例尺 1:([\d ]+)</.exec(svg)![1]!.replace(/ /g, ''));
    expect([1000, 2000, 2500, 5000, 10000]).toContain(scale);
    const sitePaths = [...svg.matchAll(/<path d="([^"]+)" fill="none" fill-rule="evenodd" stroke="#0050b3"/g)];
    // The map's outline, then the legend's swatch.
    expect(sitePaths).toHaveLength(2);
    const xs = [...sitePaths[0]![1]!.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => Number(m[1]));
    const widthPt = Math.max(...xs) - Math.min(...xs);
    const expectedPt = (SITE_W / scale) / 0.0254 * 72;
    expect(Math.abs(widthPt - expectedPt) / expectedPt).toBeLessThan(0.005);
    // The forbidden overlap is drawn, and the legend names it and the farmland layer.
    expect(svg).toContain('fill="#f5222d"');
    expect(svg).toContain('>禁止占用部分<');
    expect(svg).toContain('>永久基本农田<');
    expect(svg).toMatch(/EPSG:4527/);
  });

  it('produces an A4 PDF with the Chinese font embedded', async () => {
    const res = await planner.get(`/api/siting/reports/${report.id}/report.pdf`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`${report.number}.pdf`);
    const pdf = await PDFDocument.load(res.body as Buffer);
    expect(pdf.getTitle()).toBe(`精准选址分析报告 ${report.number}`);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(2);
    const { width, height } = pdf.getPage(0).getSize();
    expect(Math.round(width)).toBe(595);
    expect(Math.round(height)).toBe(842);
    // Every font is embedded (a FontFile2 stream in its descriptor), none is a bare reference.
    const descriptors = pdf.context.enumerateIndirectObjects().map(([, o]) => o).filter((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'));
    expect(descriptors.length).toBeGreaterThanOrEqual(1);
    for (const d of descriptors) expect(d.get(PDFName.of('FontFile2'))).toBeDefined();
  });

  it.skipIf(!hasPoppler)('has text a reader can copy: number, verdict, area and the conflicting layer (pdftotext, pdffonts)', async () => {
    const res = await planner.get(`/api/siting/reports/${report.id}/report.pdf?download=1`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment/);
    const file = join(mkdtempSync(join(tmpdir(), 'ob-report-')), 'report.pdf');
    writeFileSync(file, res.body as Buffer);
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('精准选址分析报告');
    expect(text).toContain(report.number);
    expect(text).toContain('结论：禁止选址');
    expect(text).toContain(report.analysis.area.mu.toLocaleString('zh-CN', { minimumFractionDigits: 4, maximumFractionDigits: 4 }));
    expect(text).toContain('永久基本农田');
    expect(text).toContain('界址点坐标');
    expect(text).toContain('演示数据');
    const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout.trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThanOrEqual(1);
    for (const line of fonts) expect(line).toMatch(/NotoSansSC.*\byes\s+(yes|no)\s+yes\b/);
  });
});
