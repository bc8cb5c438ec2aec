import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { fetchSitingReport, reportMapUrl, reportPdfUrl } from '../../../api/siting-report.api';
import { SitingResult } from '../analysis/SitingResult';
import { formatBeijingTime } from '../../../../../common/src/siting-report.ts';
import './siting-report.css';

/**
 * The printable siting report (精准选址分析报告): the saved figures, the map drawn by the server at a
 * true scale (the same drawing as in the PDF), and links to the PDF. Print hides everything but the sheet.
 */
export function SitingReportPage() {
  const id = Number(useParams().id);
  const report = useQuery({ queryKey: ['siting-report', id], queryFn: () => fetchSitingReport(id), enabled: Number.isSafeInteger(id) && id > 0, retry: false });

  if (report.isPending && Number.isSafeInteger(id) && id > 0) return <Spin className="report-loading" />;
  if (!report.data) {
    return (
      <div className="report-page">
        <Alert type="error" showIcon title={report.error?.message ?? '选址报告不存在或无权访问'} data-testid="report-error" />
      </div>
    );
  }
  const r = report.data;
  return (
    <div className="report-page" data-testid="report-page">
      <Space className="report-toolbar">
        <Link to="/siting/reports">
          <Button icon={<ArrowLeftOutlined />}>全部报告</Button>
        </Link>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
        <a href={reportPdfUrl(r.id, true)} data-testid="report-pdf-download">
          <Button type="primary" icon={<FilePdfOutlined />}>
            下载 PDF
          </Button>
        </a>
        <a href={reportPdfUrl(r.id)} target="_blank" rel="noreferrer">
          在新窗口查看 PDF
        </a>
      </Space>
      <article className="report-sheet">
        <header className="report-header">
          <div className="report-kicker">聊城市重点项目全周期服务 · 一张蓝图</div>
          <h1>精准选址分析报告</h1>
          <div className="report-title" data-testid="report-title">
            {r.title}
          </div>
          <div className="report-meta">
            报告编号：<b data-testid="report-number">{r.number}</b>　生成时间：{formatBeijingTime(r.createdAt)}　生成人：
            {r.createdBy ? `${r.createdBy.displayName}（${r.createdBy.username}）` : '—'}
          </div>
          {r.demo && <div className="report-demo">演示数据，不作为审批依据</div>}
        </header>
        <figure className="report-map">
          <img src={reportMapUrl(r.id)} alt={`选址范围与周边管控要素（${r.number}）`} data-testid="report-map" />
          <figcaption>图：选址范围与周边管控要素（比例尺、坐标系与子午线收敛角见图内注记；图上方向为坐标北）</figcaption>
        </figure>
        <SitingResult analysis={r.analysis} />
        <Typography.Paragraph type="secondary" className="report-footnote">
          分析所用图层版本：{Object.entries(r.layerVersions).map(([k, v]) => `${k} v${v}`).join('，')}。分析时生效的选址规则与图层版本随报告保存，规则此后的修改不改变本报告的结论。
        </Typography.Paragraph>
      </article>
    </div>
  );
}
