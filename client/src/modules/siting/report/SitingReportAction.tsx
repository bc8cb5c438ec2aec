import { FilePdfOutlined, FileTextOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Space } from 'antd';
import type { MultiPolygon, Polygon } from 'geojson';
import { createSitingReport, reportPagePath, reportPdfUrl } from '../../../api/siting-report.api';
import type { SitingNeeds } from '../../../api/siting.api';

export interface SitingReportActionProps {
  /** The site exactly as it was analysed. */
  site: Polygon | MultiPolygon;
  needs?: SitingNeeds;
}

/**
 * 生成选址报告: saves the analysed site as a numbered report and offers it as a page and a PDF. Links
 * (not window.open after the request) so that no popup blocker stands in the way.
 */
export function SitingReportAction({ site, needs }: SitingReportActionProps) {
  const save = useMutation({ mutationFn: () => createSitingReport(site, needs) });
  const report = save.data;
  return (
    <Space orientation="vertical" size={6} style={{ width: '100%' }}>
      <Button size="small" icon={<FileTextOutlined />} loading={save.isPending} disabled={Boolean(report)} onClick={() => save.mutate()} data-testid="siting-report-create">
        {report ? '报告已生成' : '生成选址报告'}
      </Button>
      {save.error && <Alert type="error" showIcon title={save.error.message} />}
      {report && (
        <Alert
          type="success"
          showIcon
          data-testid="siting-report-created"
          title={
            <span>
              已生成报告 <b data-testid="siting-report-number">{report.number}</b>：
              <a href={reportPagePath(report.id)} target="_blank" rel="noreferrer" data-testid="siting-report-open">
                打开报告
              </a>
              {' · '}
              <a href={reportPdfUrl(report.id, true)} data-testid="siting-report-pdf">
                <FilePdfOutlined /> 下载 PDF
              </a>
            </span>
          }
        />
      )}
    </Space>
  );
}
