import type { SitingReport } from '../../../../../common/src/siting-report.ts';
import { formatBeijingTime, VERDICT_LABEL } from '../../../../../common/src/siting-report.ts';
import { POLLUTANTS, type PollutantKey } from '../../../../../common/src/siting.ts';
import { formatScale, type MapDrawing } from './report-map.ts';
import subsetFont from 'subset-font';
import { reportFonts } from './report-fonts.ts';
import { PdfFlow, type FontPair } from './report-pdf.ts';
import type { SiteGk } from './siting-report.repository.ts';

/** Boundary points listed at most; a drawn circle has 64, an imported parcel may have thousands. */
const MAX_BOUNDARY_POINTS = 80;

const VERDICT_COLOR = { forbidden: '#cf1322', adjust: '#d46b08', ok: '#389e0d' } as const;
const SEVERITY_LABEL = { forbidden: '禁止', adjust: '需调整', info: '提示' } as const;
const KIND_LABEL = { hard: '刚性管控', soft: '弹性管控' } as const;

const fmt = (v: number, digits = 2) => v.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

/**
 * Boundary points (界址点) of the site's outer rings in the GK zone, surveying order: X northing,
 * Y easting with the zone number in front, in metres.
 */
export function boundaryPoints(geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon): { label: string; x: number; y: number }[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const points: { label: string; x: number; y: number }[] = [];
  polygons.forEach((polygon, k) => {
    const ring = polygon[0] ?? [];
    ring.slice(0, -1).forEach((p, i) => points.push({ label: `${polygons.length > 1 ? `${k + 1}-` : ''}J${i + 1}`, x: p[1]!, y: p[0]! }));
  });
  return points;
}

/**
 * The siting report as a PDF: A4, vector map at a true scale, Chinese fonts embedded as subsets. Laid
 * out twice: with the full fonts to learn the characters used, then with harfbuzz subsets of them
 * (the metrics are the same, so is the layout): tens of KB of font instead of 20 MB.
 */
export async function reportDocument(report: SitingReport, map: MapDrawing, site: SiteGk): Promise<Uint8Array> {
  const full = await reportFonts();
  const draft = await compose(report, map, site, full);
  const subset = async (bytes: Uint8Array, chars: Set<string>) =>
    new Uint8Array(await subsetFont(Buffer.from(bytes), [...chars].join('') || ' ', { targetFormat: 'truetype' }));
  const [regular, bold] = await Promise.all([subset(full.regular, draft.used.regular), subset(full.bold, draft.used.bold)]);
  return (await compose(report, map, site, { regular, bold })).save();
}

async function compose(report: SitingReport, map: MapDrawing, site: SiteGk, fonts: FontPair): Promise<PdfFlow> {
  const a = report.analysis;
  const pdf = await PdfFlow.create(`精准选址分析报告 ${report.number}`, fonts);

  pdf.text('聊城市重点项目全周期服务 · 一张蓝图', { size: 9, color: '#595959', align: 'center' });
  pdf.text('精准选址分析报告', { size: 20, bold: true, align: 'center', gapAfter: 4 });
  pdf.text(report.title, { size: 11, align: 'center', gapAfter: 6 });
  pdf.text(
    `报告编号：${report.number}    生成时间：${formatBeijingTime(report.createdAt)}    生成人：${report.createdBy ? `${report.createdBy.displayName}（${report.createdBy.username}）` : '—'}`,
    { size: 9, color: '#434343', align: 'center', gapAfter: 8 },
  );
  pdf.callout(`结论：${VERDICT_LABEL[a.verdict.result]}`, a.verdict.rule, VERDICT_COLOR[a.verdict.result]);
  pdf.map(map);
  pdf.text(
    `图：选址范围与周边管控要素，比例尺 ${formatScale(map.scale)}，图幅范围 X ${fmt(map.frame.ymin, 0)}–${fmt(map.frame.ymax, 0)}，Y ${fmt(map.frame.xmin, 0)}–${fmt(map.frame.xmax, 0)}（米）。图上方向为坐标北。`,
    { size: 8, color: '#595959' },
  );

  pdf.heading('一、面积');
  pdf.table(
    [
      { title: '平面面积（平方米）', width: 0.2, align: 'right' },
      { title: '亩', width: 0.15, align: 'right' },
      { title: '公顷', width: 0.15, align: 'right' },
      { title: '椭球面积（平方米）', width: 0.2, align: 'right' },
      { title: '计算坐标系', width: 0.3 },
    ],
    [[fmt(a.area.m2), fmt(a.area.mu, 4), fmt(a.area.ha, 4), fmt(a.area.ellipsoidalM2), `CGCS2000 3°带 第${map.zone}带 EPSG:${a.area.epsg}`]],
  );
  pdf.text('平面面积按地块所在 3° 带（以地块中心经度确定，跨 115.5°E 的地块整体按中心所在带计算）的高斯-克吕格投影计算，为官方口径；椭球面积为 CGCS2000 椭球面上的面积，供核对。', { size: 8, color: '#595959' });

  pdf.heading('二、区位');
  const park = a.region.park;
  pdf.table(
    [
      { title: '项目', width: 0.22 },
      { title: '内容', width: 0.78 },
    ],
    [
      ['县级行政区', a.region.county ? `${a.region.county.name}（${a.region.county.code}）` : '不在任何县级行政区内'],
      ['开发区', a.region.zone ? `${a.region.zone.name}（${a.region.zone.code}）` : '不在开发区内'],
      [
        '产业园区',
        park
          ? `${park.name}；主导产业：${park.leadingIndustries.join('、') || '—'}${park.industryMatch === null ? '' : park.industryMatch ? '；项目行业与主导产业相符' : '；项目行业与主导产业不符'}`
          : '不在产业园区内',
      ],
      ['环境管控单元', a.region.controlUnit ? `${a.region.controlUnit.name}（${a.region.controlUnit.code}${a.region.controlUnit.category ? `，${a.region.controlUnit.category}` : ''}）` : '未落入环境管控单元'],
      ['最近主要道路', a.roads ? `${a.roads.nearestName ?? '未命名道路'}${a.roads.grade ? `（${a.roads.grade}）` : ''}，距离 ${fmt(a.roads.distanceM, 1)} 米` : '未找到主要道路'],
    ],
  );

  pdf.heading('三、管控冲突');
  if (a.findings.length === 0) pdf.text('选址范围未触及任何刚性或弹性管控图层。', { size: 10 });
  else
    pdf.table(
      [
        { title: '图层', width: 0.15 },
        { title: '类别', width: 0.1 },
        { title: '面积（亩）', width: 0.11, align: 'right' },
        { title: '占比', width: 0.08, align: 'right' },
        { title: '判定', width: 0.08 },
        { title: '说明', width: 0.48 },
      ],
      a.findings.map((f) => [f.layerName, KIND_LABEL[f.kind], fmt(f.overlapMu, 2), pct(f.share), SEVERITY_LABEL[f.severity], f.message]),
    );

  pdf.heading('四、结论与依据');
  pdf.text(a.verdict.result === 'ok' ? `${VERDICT_LABEL.ok}：${a.verdict.rule}` : a.verdict.rule, { size: 10 });
  if (a.verdict.basis) pdf.text(`依据：${a.verdict.basis}`, { size: 9, color: '#434343' });

  pdf.heading('五、要素容量');
  const stock = a.capacity.stockLand;
  pdf.text(`存量土地：${stock.county ?? '—'}共 ${stock.parcels} 宗，合计 ${fmt(stock.mu)} 亩${stock.neededMu !== null ? `；项目需 ${fmt(stock.neededMu)} 亩${stock.gapMu ? `，缺口 ${fmt(stock.gapMu)} 亩` : '，可满足'}` : ''}。${stock.note}`, { size: 9 });
  if (a.capacity.controlUnit) {
    pdf.table(
      [
        { title: `污染物（${a.capacity.controlUnit.name}）`, width: 0.34 },
        { title: '剩余容量（吨/年）', width: 0.22, align: 'right' },
        { title: '项目需求（吨/年）', width: 0.22, align: 'right' },
        { title: '缺口（吨/年）', width: 0.22, align: 'right' },
      ],
      a.capacity.controlUnit.items.map((i) => [
        POLLUTANTS[i.factor as PollutantKey] ?? i.name,
        i.remainingT === null ? '—' : fmt(i.remainingT, 2),
        i.neededT === null ? '—' : fmt(i.neededT, 2),
        i.gapT === null ? '—' : fmt(i.gapT, 2),
      ]),
    );
  }
  if (a.capacity.gaps.length > 0) pdf.text(`缺口汇总：${a.capacity.gaps.map((g) => `${g.name}缺 ${fmt(g.gap)} ${g.unit}`).join('；')}。`, { size: 9, color: '#cf1322' });
  const pools = a.capacity.factorPools;
  if (pools) {
    const amount = (v: number | null) => (v === null ? '—' : fmt(v, 2));
    pdf.table(
      [
        { title: `要素池（${pools.year}年）`, width: 0.32 },
        { title: pools.county ?? '县级', width: 0.17, align: 'right' },
        { title: '市级统筹池', width: 0.17, align: 'right' },
        { title: '项目需求', width: 0.17, align: 'right' },
        { title: '缺口', width: 0.17, align: 'right' },
      ],
      pools.items.map((i) => [`${i.name}（${i.unit}）`, amount(i.countyBalance), amount(i.cityBalance), amount(i.needed), amount(i.gap)]),
    );
  }
  pdf.text(a.capacity.factorPoolsNote, { size: 8, color: '#595959' });

  pdf.heading('六、界址点坐标');
  const points = boundaryPoints(site.geometry);
  pdf.text(`CGCS2000 3°带 第${map.zone}带（EPSG:${a.area.epsg}），X 为纵坐标（北），Y 为横坐标（东，含带号），单位米。${points.length > MAX_BOUNDARY_POINTS ? `共 ${points.length} 个，列出前 ${MAX_BOUNDARY_POINTS} 个。` : `共 ${points.length} 个。`}`, { size: 8, color: '#595959' });
  const shown = points.slice(0, MAX_BOUNDARY_POINTS);
  const half = Math.ceil(shown.length / 2);
  const col = (title: string, width: number, align?: 'right') => ({ title, width, align });
  pdf.table(
    [col('点号', 0.1), col('X（米）', 0.2, 'right'), col('Y（米）', 0.2, 'right'), col('点号', 0.1), col('X（米）', 0.2, 'right'), col('Y（米）', 0.2, 'right')],
    shown.slice(0, half).map((p, i) => {
      const q = shown[half + i];
      return [p.label, p.x.toFixed(2), p.y.toFixed(2), q?.label ?? '', q ? q.x.toFixed(2) : '', q ? q.y.toFixed(2) : ''];
    }),
    8,
  );

  pdf.heading('七、数据与规则');
  const versions = Object.entries(report.layerVersions).map(([k, v]) => `${k} v${v}`).join('，');
  pdf.text(`分析所用图层版本：${versions}。分析时生效的选址规则与图层版本随报告保存，规则此后的修改不改变本报告的结论。${report.demo ? '本报告使用的图层含演示数据，不作为审批依据。' : ''}`, { size: 8, color: '#595959' });

  pdf.footers({ footer: `一张蓝图 · 精准选址分析报告 ${report.number}`, demo: report.demo });
  return pdf;
}
