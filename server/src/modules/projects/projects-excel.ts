import ExcelJS from 'exceljs';
import { projectCreateSchema, type ProjectCreate } from '../../../../common/src/projects.ts';
import { AppError, badRequest } from '../../http/app-error.ts';
import { assertCan } from '../../policy/access.policy.ts';
import type { Actor } from '../../policy/actor.ts';
import type { PreparedProject, ProjectsService } from './projects.service.ts';
import { ProjectsErrors } from '../../../../common/src/contract/projects.errors.ts';

/**
 * Projects as Excel (issue 5 item 3): the list as .xlsx, and an import in which every row is checked
 * (attributes, county, the right to create there, the site) before anything is written; one bad row and
 * nothing is stored, each bad row named with its reason. A site is a stock-land parcel code
 * (存量地块编号, e.g. 371502-CL-0002) or a WKT POLYGON / MULTIPOLYGON in lon/lat (EPSG:4326).
 */
const NEEDS = [
  ['landMu', '用地（亩）'],
  ['energyTce', '能耗（吨标准煤）'],
  ['coalT', '煤炭（吨）'],
  ['codT', '化学需氧量（吨/年）'],
  ['nh3nT', '氨氮（吨/年）'],
  ['so2T', '二氧化硫（吨/年）'],
  ['noxT', '氮氧化物（吨/年）'],
  ['vocsT', '挥发性有机物（吨/年）'],
  ['fundsWan', '资金需求（万元）'],
] as const;

const COLUMNS = {
  name: '项目名称',
  unitName: '项目单位',
  county: '县（市、区）代码',
  type: '项目类型',
  industryCode: '行业代码',
  industryName: '行业名称',
  strategicEmerging: '战略性新兴产业',
  investmentWan: '总投资（万元）',
  foreignAnnualNewUsdM: '年度新增外资（百万美元）',
  foreignCashRegisteredUsdM: '现汇注册资本（百万美元）',
  fundingSources: '资金来源',
  plannedStart: '计划开工日期',
  plannedEnd: '计划竣工日期',
  nationalCode: '投资项目统一代码',
  site: '选址（存量地块编号或 WKT）',
} as const;
const REQUIRED = ['name', 'unitName', 'county', 'type', 'site'] as const;
export const MAX_IMPORT_ROWS = 500;

type Row = { id: number; code: string; name: string; county: { code: string; name: string }; type: string; industryCode: string | null; investmentWan: number | null; stage: string; stageLabel: string; libraries: string[] };

export async function projectsWorkbook(items: (Row & Record<string, unknown>)[], details: Map<number, Record<string, unknown>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '一张蓝图 OneBlueprint';
  const ws = wb.addWorksheet('重点项目');
  ws.columns = [
    { header: '项目代码', key: 'code', width: 22 },
    { header: COLUMNS.name, key: 'name', width: 36 },
    { header: COLUMNS.unitName, key: 'unitName', width: 28 },
    { header: '县（市、区）', key: 'countyName', width: 12 },
    { header: COLUMNS.county, key: 'county', width: 14 },
    { header: COLUMNS.type, key: 'type', width: 10 },
    { header: COLUMNS.industryCode, key: 'industryCode', width: 10 },
    { header: COLUMNS.investmentWan, key: 'investmentWan', width: 14, style: { numFmt: '#,##0.00' } },
    { header: '阶段', key: 'stage', width: 16 },
    { header: '所属项目库', key: 'libraries', width: 30 },
    ...NEEDS.map(([key, header]) => ({ header, key, width: 14 })),
  ];
  for (const p of items) {
    const needs = (details.get(p.id)?.needs ?? {}) as Record<string, number>;
    ws.addRow({
      code: p.code,
      name: p.name,
      unitName: details.get(p.id)?.unitName ?? '',
      countyName: p.county.name,
      county: p.county.code,
      type: p.type,
      industryCode: p.industryCode ?? '',
      investmentWan: p.investmentWan,
      stage: p.stageLabel,
      libraries: p.libraries.join('、'),
      ...Object.fromEntries(NEEDS.map(([key]) => [key, typeof needs[key] === 'number' ? needs[key] : null])),
    });
  }
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A blank import template with the columns the import reads. */
export async function importTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目导入');
  ws.columns = [...Object.values(COLUMNS), ...NEEDS.map(([, h]) => h)].map((header) => ({ header, width: Math.max(12, header.length * 2) }));
  ws.getRow(1).font = { bold: true };
  ws.addRow(['示例：年产 5 万吨新材料项目', '聊城示例新材料有限公司', '371502', '招商引资', 'C2651', '初级形态塑料制造', '是', 80000, 30, 10, '自筹、银行贷款', '2027-03-01', '2028-12-31', '', '371502-CL-0002', 120, 8000, 0, 2.1, 0.2, 1.5, 3.2, 4.8, 0]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const text = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('').trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return String(v).trim();
};
const number = (s: string) => (s === '' ? undefined : Number(s.replace(/,/g, '')));

export interface RowError {
  row: number;
  message: string;
}

/**
 * Reads and checks every row; throws 400 with `details: RowError[]` when any row is bad. The returned
 * projects are ready to insert (prepared: county, right to create, site analysed).
 */
export async function readImport(projects: ProjectsService, actor: Actor, bytes: Uint8Array): Promise<PreparedProject[]> {
  assertCan(actor, 'projects.write', '导入项目');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw badRequest('文件不是有效的 Excel（.xlsx）工作簿，请用“下载导入模板”中的格式', undefined, ProjectsErrors.NOT_XLSX);
  }
  const ws = wb.worksheets[0];
  if (!ws || ws.rowCount < 2) throw badRequest('工作簿第一个工作表没有数据行', undefined, ProjectsErrors.EMPTY);
  const header = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => header.set(text(cell.value), col));
  const missing = REQUIRED.filter((k) => !header.has(COLUMNS[k]));
  if (missing.length) throw badRequest(`缺少必需的列：${missing.map((k) => COLUMNS[k]).join('、')}`, { missing }, ProjectsErrors.MISSING_COLUMNS);

  const rows: { row: number; get: (label: string) => string }[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const get = (label: string) => (header.has(label) ? text(r.getCell(header.get(label)!).value) : '');
    if ([...header.keys()].every((h) => get(h) === '')) return;
    rows.push({ row: n, get });
  });
  if (rows.length === 0) throw badRequest('工作表没有数据行', undefined, ProjectsErrors.EMPTY);
  if (rows.length > MAX_IMPORT_ROWS) throw badRequest(`一次最多导入 ${MAX_IMPORT_ROWS} 个项目（本文件 ${rows.length} 行）`, undefined, ProjectsErrors.TOO_MANY_ROWS);

  const errors: RowError[] = [];
  const prepared: PreparedProject[] = [];
  for (const { row, get } of rows) {
    try {
      const siteText = get(COLUMNS.site);
      const geometry = await siteGeometry(projects, siteText);
      const needs = Object.fromEntries(NEEDS.map(([key, h]) => [key, number(get(h))]).filter(([, v]) => v !== undefined));
      const raw = {
        name: get(COLUMNS.name),
        unitName: get(COLUMNS.unitName),
        county: get(COLUMNS.county),
        type: get(COLUMNS.type),
        industryCode: get(COLUMNS.industryCode) || undefined,
        industryName: get(COLUMNS.industryName) || undefined,
        strategicEmerging: get(COLUMNS.strategicEmerging) ? ['是', 'true', '1', 'Y', 'y'].includes(get(COLUMNS.strategicEmerging)) : undefined,
        investmentWan: number(get(COLUMNS.investmentWan)),
        foreignAnnualNewUsdM: number(get(COLUMNS.foreignAnnualNewUsdM)),
        foreignCashRegisteredUsdM: number(get(COLUMNS.foreignCashRegisteredUsdM)),
        fundingSources: get(COLUMNS.fundingSources) ? get(COLUMNS.fundingSources).split(/[、,，;；]/).map((s) => s.trim()).filter(Boolean) : undefined,
        plannedStart: get(COLUMNS.plannedStart) || undefined,
        plannedEnd: get(COLUMNS.plannedEnd) || undefined,
        nationalCode: get(COLUMNS.nationalCode) || undefined,
        needs,
        site: { geometry, source: 'imported' },
      };
      const parsed = projectCreateSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = String(issue.path[0] ?? '');
        const label = (COLUMNS as Record<string, string>)[field] ?? NEEDS.find(([k]) => k === issue.path[1])?.[1] ?? field;
        throw badRequest(`${label ? `${label}：` : ''}${issue.message}`);
      }
      prepared.push(await projects.prepare(actor, parsed.data as ProjectCreate));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      errors.push({ row, message: err.message });
    }
  }
  const names = new Map<string, number>();
  for (const [i, p] of prepared.entries()) {
    const key = `${p.input.county}|${p.input.name}`;
    if (names.has(key)) errors.push({ row: rows[i]!.row, message: `与第 ${names.get(key)} 行项目名称重复` });
    else names.set(key, rows[i]!.row);
  }
  if (errors.length > 0) {
    errors.sort((a, b) => a.row - b.row);
    throw new AppError(400, ProjectsErrors.IMPORT_ROWS, `${errors.length} 行有错误，未导入任何项目：${errors.slice(0, 3).map((e) => `第 ${e.row} 行 ${e.message}`).join('；')}${errors.length > 3 ? ' 等' : ''}`, errors);
  }
  return prepared;
}

/** A site cell: a stock-land parcel code, or WKT in lon/lat. */
async function siteGeometry(projects: ProjectsService, cell: string): Promise<unknown> {
  if (!cell) throw badRequest('选址为空：请填写存量地块编号或 WKT 多边形');
  if (/^(MULTI)?POLYGON\s*\(/i.test(cell)) {
    const geometry = await projects.wktSite(cell);
    if (!geometry) throw badRequest('选址 WKT 无法解析（须为经纬度 POLYGON 或 MULTIPOLYGON）');
    return geometry;
  }
  const geometry = await projects.stockLandSite(cell);
  if (!geometry) throw badRequest(`存量地块编号 ${cell} 不存在`);
  return geometry;
}
