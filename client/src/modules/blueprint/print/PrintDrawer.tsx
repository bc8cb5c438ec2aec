import { Alert, App, Button, Drawer, Form, Input, Radio, Space } from 'antd';
import { useState } from 'react';
import { useHealth } from '../../../app/use-health';
import { PREVIEW_COLOUR, useMapTools } from '../../../map';
import { saveBlob } from '../export/download-file';
import { useLayerList } from '../export/use-layer-list';
import { canvasToPng, composePrint } from './compose-print';
import { legendItems } from './legend-items';
import { pngToPdf } from './print-pdf';
import { DEFAULT_PRINT_TITLE, printFileName } from './print-text';

export interface PrintDrawerProps {
  open: boolean;
  onClose: () => void;
}

interface Composed {
  png: Blob;
  url: string;
  width: number;
  height: number;
}

/** 打印/导出地图: the current map as a sheet with title, legend, scale bar, north arrow and date. */
export function PrintDrawer({ open, onClose }: PrintDrawerProps) {
  const tools = useMapTools();
  const layers = useLayerList(open);
  const health = useHealth();
  const { message } = App.useApp();
  const [title, setTitle] = useState(DEFAULT_PRINT_TITLE);
  const [ratio, setRatio] = useState<1 | 2>(1);
  const [busy, setBusy] = useState<'preview' | 'png' | 'pdf' | null>(null);
  const [composed, setComposed] = useState<Composed | null>(null);
  const [error, setError] = useState<string | null>(null);

  const compose = async (): Promise<Composed> => {
    if (!tools) throw new Error('地图尚未加载完成');
    const snapshot = await tools.snapshot({ pixelRatio: ratio });
    const visibleKeys = tools.visibleLayerKeys();
    const all = layers.data ?? [];
    const demo = !!health.data?.demo || all.some((l) => l.isDemo && visibleKeys.includes(l.key));
    const canvas = composePrint({
      snapshot,
      title: title.trim() || DEFAULT_PRINT_TITLE,
      date: new Date(),
      legend: legendItems(all, visibleKeys, tools.hasPreview() ? { colour: PREVIEW_COLOUR } : null),
      demo,
    });
    const png = await canvasToPng(canvas);
    const next = { png, url: URL.createObjectURL(png), width: canvas.width, height: canvas.height };
    setComposed((old) => {
      if (old) URL.revokeObjectURL(old.url);
      return next;
    });
    return next;
  };

  const run = async (what: 'preview' | 'png' | 'pdf') => {
    setBusy(what);
    setError(null);
    try {
      const sheet = await compose();
      const now = new Date();
      const name = title.trim() || DEFAULT_PRINT_TITLE;
      if (what === 'png') {
        const file = printFileName(name, now, 'png');
        saveBlob(sheet.png, file);
        message.success(`已导出“${file}”`);
      } else if (what === 'pdf') {
        const file = printFileName(name, now, 'pdf');
        saveBlob(await pngToPdf(sheet.png, name), file);
        message.success(`已导出“${file}”`);
      }
    } catch (e) {
      setError(e instanceof Error ? `地图导出失败：${e.message}` : '地图导出失败');
    } finally {
      setBusy(null);
    }
  };

  return (
    <Drawer title="打印/导出地图" placement="right" size={420} mask={false} open={open} onClose={onClose} rootClassName="print-drawer">
      <div data-testid="print-drawer">
        <Form layout="vertical" disabled={!!busy}>
          <Form.Item label="标题">
            <Input data-testid="print-title" value={title} maxLength={40} onChange={(e) => setTitle(e.target.value)} />
          </Form.Item>
          <Form.Item label="清晰度" extra="图面为当前地图窗口的范围；需要更大范围时请先缩放地图。">
            <Radio.Group value={ratio} onChange={(e) => setRatio(e.target.value as 1 | 2)}>
              <Radio value={1}>标准（屏幕分辨率）</Radio>
              <Radio value={2}>高清（2 倍）</Radio>
            </Radio.Group>
          </Form.Item>
        </Form>
        <Space wrap>
          <Button data-testid="print-preview-button" loading={busy === 'preview'} disabled={!tools || (!!busy && busy !== 'preview')} onClick={() => void run('preview')}>
            生成预览
          </Button>
          <Button type="primary" data-testid="print-png" loading={busy === 'png'} disabled={!tools || (!!busy && busy !== 'png')} onClick={() => void run('png')}>
            下载 PNG
          </Button>
          <Button type="primary" data-testid="print-pdf" loading={busy === 'pdf'} disabled={!tools || (!!busy && busy !== 'pdf')} onClick={() => void run('pdf')}>
            下载 PDF（A4 横向）
          </Button>
        </Space>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="print-error" />}
        {composed && (
          <div className="print-preview">
            <img src={composed.url} alt="地图打印预览" data-testid="print-preview" data-width={composed.width} data-height={composed.height} />
            <div className="print-preview-size">
              {composed.width} × {composed.height} 像素
            </div>
          </div>
        )}
      </div>
    </Drawer>
  );
}
