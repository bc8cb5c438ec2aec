import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { ExportDrawer } from './ExportDrawer';

export function ExportButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" icon={<DownloadOutlined />} data-testid="export-open" onClick={() => setOpen(true)}>
        导出
      </Button>
      <ExportDrawer open={open} onClose={() => setOpen(false)} />
    </>
  );
}
