import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import { Descriptions, Tag } from 'antd';
import type { ReactNode } from 'react';
import { countBySeverity, crsSourceLabel, featureLabel, formatLabel, geometrySummary, sortReport } from './import-report';
import type { ParseResult, ReportSeverity } from './import.types';

const ICONS: Record<ReportSeverity, ReactNode> = {
  error: <CloseCircleFilled style={{ color: '#cf1322' }} aria-label="错误" />,
  warning: <ExclamationCircleFilled style={{ color: '#d48806' }} aria-label="警告" />,
  info: <InfoCircleFilled style={{ color: '#1677ff' }} aria-label="提示" />,
};

export function ImportReportList({ result }: { result: ParseResult }) {
  const counts = countBySeverity(result.report);
  const items = sortReport(result.report);
  return (
    <div className="import-result" data-testid="import-summary">
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'format', label: '格式', children: formatLabel(result.format) },
          {
            key: 'crs',
            label: '坐标系',
            children: (
              <span data-testid="import-crs-label">
                {result.crs.label ?? (result.layers?.length ? '请先选择图层' : '未能确定')}
                <span className="import-muted">（{crsSourceLabel(result.crs)}）</span>
              </span>
            ),
          },
          {
            key: 'count',
            label: '要素',
            children: (
              <span>
                <span data-testid="import-feature-count">{result.features.features.length}</span> 个（{geometrySummary(result.features)}）
              </span>
            ),
          },
        ]}
      />
      <div className="import-report-head">
        检查结果
        {counts.error > 0 && <Tag color="error">错误 {counts.error}</Tag>}
        {counts.warning > 0 && <Tag color="warning">警告 {counts.warning}</Tag>}
        {counts.info > 0 && <Tag color="processing">提示 {counts.info}</Tag>}
      </div>
      <ul className="import-report" data-testid="import-report">
        {items.length === 0 && (
          <li className="import-report-item">
            <CheckCircleFilled style={{ color: '#389e0d' }} /> 未发现问题
          </li>
        )}
        {items.map((item, i) => (
          <li key={i} className={`import-report-item import-report-${item.severity}`} data-testid="import-report-item" data-severity={item.severity} data-code={item.code}>
            {ICONS[item.severity]}
            <span>
              {featureLabel(item) && <span className="import-report-feature">{featureLabel(item)}：</span>}
              {item.message}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
