import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { projectKeys, queryString, type ProjectListQuery } from '../../api/projects.api';
import { useSession } from '../../auth/use-session';

interface ImportOutcome {
  ok: boolean;
  message: string;
  rows?: { row: number; message: string }[];
}

/**
 * 项目库 and Excel: the filtered list as .xlsx, the import template, and the import (every row checked by
 * the server; one bad row and nothing is stored, each bad row listed with its reason).
 */
export function ProjectExcelActions({ filter }: { filter: ProjectListQuery }) {
  const canWrite = useSession().data?.permissions.includes('projects.write') ?? false;
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const { limit: _limit, offset: _offset, ...filters } = filter;

  const upload = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const res = await fetch('/api/projects/import', { method: 'POST', body: form, credentials: 'same-origin' });
      const body = (await res.json().catch(() => ({}))) as { imported?: number; error?: { message?: string; details?: unknown } };
      if (res.ok) {
        setOutcome({ ok: true, message: `已导入 ${body.imported ?? 0} 个项目（阶段：谋划）` });
        await queryClient.invalidateQueries({ queryKey: projectKeys.all });
      } else {
        const rows = Array.isArray(body.error?.details) ? (body.error.details as { row: number; message: string }[]).filter((d) => typeof d?.row === 'number') : undefined;
        setOutcome({ ok: false, message: body.error?.message ?? `导入失败（HTTP ${res.status}）`, rows });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%', marginBottom: 12 }}>
      <Space wrap>
        <a href={`/api/projects/export.xlsx${queryString(filters)}`} data-testid="projects-export">
          <Button size="small" icon={<DownloadOutlined />}>
            导出 Excel
          </Button>
        </a>
        {canWrite && (
          <>
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => (void upload(file), false)}>
              <Button size="small" icon={<UploadOutlined />} loading={busy} data-testid="projects-import">
                导入 Excel
              </Button>
            </Upload>
            <a href="/api/projects/import-template.xlsx">下载导入模板</a>
          </>
        )}
      </Space>
      {outcome && (
        <Alert
          type={outcome.ok ? 'success' : 'error'}
          showIcon
          closable
          onClose={() => setOutcome(null)}
          data-testid="projects-import-result"
          title={outcome.message}
          description={
            outcome.rows?.length ? (
              <ul className="projects-import-errors">
                {outcome.rows.map((r) => (
                  <li key={r.row}>
                    <Typography.Text strong>第 {r.row} 行：</Typography.Text>
                    {r.message}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
    </Space>
  );
}
