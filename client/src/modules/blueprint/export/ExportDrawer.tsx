import { Alert, App, Button, Drawer, Form, Input, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../../api/http-client';
import { useMapTools } from '../../../map';
import { fetchDownload, saveBlob } from './download-file';
import { exportUrl, fallbackExportName, FORMAT_LABELS, parseIdList, suggestedZone, type ExportFormat, type GkZone, type TextEncoding } from './export-request';
import { useLayerList } from './use-layer-list';

type Scope = 'all' | 'view' | 'ids';

export interface ExportDrawerProps {
  open: boolean;
  onClose: () => void;
}

/** 导出: one layer, whole or a part of it, as GeoJSON, zipped shapefile or 坐标文件. */
export function ExportDrawer({ open, onClose }: ExportDrawerProps) {
  const layers = useLayerList(open);
  const tools = useMapTools();
  const { message } = App.useApp();
  const [key, setKey] = useState<string>();
  const [scope, setScope] = useState<Scope>('all');
  const [idText, setIdText] = useState('');
  const [format, setFormat] = useState<ExportFormat>('geojson');
  const [zone, setZone] = useState<GkZone>(39);
  const [encoding, setEncoding] = useState<TextEncoding>('gbk');
  const [projected, setProjected] = useState(false);
  const inZone = format === 'coordinate-file' || (format === 'shapefile' && projected);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const layer = layers.data?.find((l) => l.key === key);
  const polygonOnly = format === 'coordinate-file' && layer && layer.geometryType !== 'polygon';
  const { ids, invalid } = parseIdList(idText);
  const idsMissing = scope === 'ids' && (ids.length === 0 || invalid.length > 0);

  // The zone a layer mostly lies in is the sensible default; the user may still choose the other.
  useEffect(() => setZone(suggestedZone(layer?.bbox ?? null)), [layer?.key]);

  const download = async () => {
    if (!layer) return;
    setBusy(true);
    setError(null);
    try {
      const url = exportUrl({
        key: layer.key,
        format,
        zone,
        projected,
        encoding,
        ids: scope === 'ids' ? ids : undefined,
        bbox: scope === 'view' && tools ? tools.viewBounds() : undefined,
      });
      const { blob, filename } = await fetchDownload(url);
      const name = filename ?? fallbackExportName(layer.name, format);
      saveBlob(blob, name);
      message.success(`已导出“${name}”`);
    } catch (e) {
      setError(isApiError(e) ? e.message : '导出失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer title="导出图层数据" placement="right" size={400} mask={false} open={open} onClose={onClose} rootClassName="export-drawer">
      <div data-testid="export-drawer">
        <Form layout="vertical" disabled={busy}>
          <Form.Item label="图层" required>
            <Select
              data-testid="export-layer"
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择要导出的图层"
              loading={layers.isPending}
              value={key}
              onChange={setKey}
              options={(layers.data ?? []).map((l) => ({ value: l.key, label: `${l.group} / ${l.name}` }))}
            />
          </Form.Item>
          <Form.Item label="范围">
            <Radio.Group data-testid="export-scope" value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
              <Radio value="all">全部要素</Radio>
              <Radio value="view">当前视图范围</Radio>
              <Radio value="ids">指定要素编号</Radio>
            </Radio.Group>
          </Form.Item>
          {scope === 'ids' && (
            <Form.Item
              validateStatus={idText && invalid.length ? 'error' : undefined}
              help={idText && invalid.length ? `无法识别的编号：${invalid.join('、')}` : '编号可在要素详情中查看，多个编号用逗号或空格分隔'}
            >
              <Input data-testid="export-ids" value={idText} onChange={(e) => setIdText(e.target.value)} placeholder="例如：1, 2, 3" />
            </Form.Item>
          )}
          <Form.Item label="格式">
            <Radio.Group data-testid="export-format" value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
              {(Object.keys(FORMAT_LABELS) as ExportFormat[]).map((f) => (
                <Radio key={f} value={f} data-testid={`export-format-${f}`}>
                  {FORMAT_LABELS[f]}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          {format === 'shapefile' && (
            <Form.Item label="坐标">
              <Radio.Group data-testid="export-projected" value={projected} onChange={(e) => setProjected(e.target.value as boolean)}>
                <Radio value={false}>CGCS2000 经纬度（EPSG:4490）</Radio>
                <Radio value={true}>CGCS2000 3度带投影</Radio>
              </Radio.Group>
            </Form.Item>
          )}
          {inZone && (
            <Form.Item label="投影分带（CGCS2000 3度带，东坐标前加带号）">
              <Radio.Group data-testid="export-zone" value={zone} onChange={(e) => setZone(e.target.value as GkZone)}>
                <Radio value={38}>38 带（中央经线 114°E）</Radio>
                <Radio value={39}>39 带（中央经线 117°E）</Radio>
              </Radio.Group>
            </Form.Item>
          )}
          {format !== 'geojson' && (
            <Form.Item label={format === 'shapefile' ? '属性表编码' : '文件编码'}>
              <Radio.Group data-testid="export-encoding" value={encoding} onChange={(e) => setEncoding(e.target.value as TextEncoding)}>
                <Radio value="gbk">GBK（国内常用软件）</Radio>
                <Radio value="utf8">UTF-8</Radio>
              </Radio.Group>
            </Form.Item>
          )}
        </Form>
        {polygonOnly && <Alert type="warning" showIcon title="坐标文件只能记录面状地块，该图层不是面图层。" style={{ marginBottom: 12 }} />}
        {error && <Alert type="error" showIcon title={error} data-testid="export-error" style={{ marginBottom: 12 }} />}
        <Button type="primary" block data-testid="export-download" loading={busy} disabled={!layer || !!polygonOnly || idsMissing} onClick={() => void download()}>
          下载
        </Button>
      </div>
    </Drawer>
  );
}
