import { PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { PrintDrawer } from './PrintDrawer';
import './print.css';

export function PrintButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" icon={<PrinterOutlined />} data-testid="print-open" onClick={() => setOpen(true)}>
        打印/导出地图
      </Button>
      <PrintDrawer open={open} onClose={() => setOpen(false)} />
    </>
  );
}
