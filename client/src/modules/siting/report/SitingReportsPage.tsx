import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatBeijingTime } from '../../../../../common/src/siting-report.ts';
import { fetchSitingReports, reportPagePath, reportPdfUrl, type SitingReportSummary } from '../../../api/siting-report.api';
import { formatMu, VERDICT_LABEL } from '../analysis/siting-format';
import './siting-report.css';

/** 选址报告: the saved, numbered siting reports the user may read, newest first, for citing later. */
export function SitingReportsPage() {
  const reports = useQuery({ queryKey: ['siting-reports'], queryFn: fetchSitingReports });
  return (
    <div className="report-list-page" data-testid="reports-page">
      <Card title="选址报告">
        <Typography.Paragraph type="secondary">
          在“一张蓝图”中完成选址分析后点击“生成选址报告”即保存一份编号报告（XZ-年份-序号），其结论、规则与图层版本固定，可随时引用、打印或下载 PDF。
        </Typography.Paragraph>
        {reports.error && <Alert type="error" showIcon title={reports.error.message} />}
        <Table<SitingReportSummary>
          rowKey="id"
          size="small"
          loading={reports.isPending}
          dataSource={reports.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '还没有选址报告' }}
          columns={[
            { title: '编号', dataIndex: 'number', render: (n: string, r) => <Link to={reportPagePath(r.id)}>{n}</Link> },
            { title: '标题', dataIndex: 'title' },
            { title: '县区', dataIndex: 'county', render: (c: string | null) => c ?? '—' },
            { title: '面积', dataIndex: 'areaMu', align: 'right', render: (mu: number) => formatMu(mu) },
            { title: '结论', dataIndex: 'verdict', render: (v: SitingReportSummary['verdict']) => <Tag color={VERDICT_LABEL[v].color}>{VERDICT_LABEL[v].text}</Tag> },
            { title: '生成时间', dataIndex: 'createdAt', render: (t: string) => formatBeijingTime(t) },
            { title: 'PDF', key: 'pdf', render: (_: unknown, r) => <a href={reportPdfUrl(r.id, true)}>下载</a> },
          ]}
        />
      </Card>
    </div>
  );
}
