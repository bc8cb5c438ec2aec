import { CloudUploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { ImportDrawer } from './ImportDrawer';

/** The toolbar entry of 导入数据; the drawer stays mounted so a preview survives closing it. */
export function ImportButton() {
  const [open, setOpen] = useState(false);
  const [previewShown, setPreviewShown] = useState(false);
  return (
    <>
      <Button size="small" icon={<CloudUploadOutlined />} data-testid="import-open" onClick={() => setOpen(true)}>
        导入数据{previewShown && !open ? '（预览中）' : ''}
      </Button>
      <ImportDrawer open={open} onClose={() => setOpen(false)} onPreviewChange={setPreviewShown} />
    </>
  );
}
