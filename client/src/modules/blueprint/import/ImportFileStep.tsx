import { InboxOutlined } from '@ant-design/icons';
import { Button, Form, Select, Upload } from 'antd';
import { ACCEPTED_FILES, CRS_OPTIONS } from './crs-options';

export interface ImportFileStepProps {
  file: File | null;
  onFile: (file: File | null) => void;
  crs: string;
  onCrs: (crs: string) => void;
  /** Shapefiles found in a zip, when it holds more than one. */
  layerNames: string[];
  layer: string | undefined;
  onLayer: (layer: string) => void;
  busy: boolean;
  onParse: () => void;
}

const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export function ImportFileStep({ file, onFile, crs, onCrs, layerNames, layer, onLayer, busy, onParse }: ImportFileStepProps) {
  const needsLayer = layerNames.length > 1 && !layer;
  return (
    <Form layout="vertical" size="middle" className="import-file-step">
      <div data-testid="import-file">
        <Upload.Dragger
          accept={ACCEPTED_FILES}
          maxCount={1}
          multiple={false}
          disabled={busy}
          beforeUpload={(chosen) => {
            onFile(chosen);
            return false;
          }}
          onRemove={() => onFile(null)}
          fileList={file ? [{ uid: 'chosen', name: `${file.name}（${sizeLabel(file.size)}）`, status: 'done' }] : []}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖拽文件到此处</p>
          <p className="ant-upload-hint">支持 GeoJSON（.geojson/.json）、Shapefile 压缩包（.zip）、KML/KMZ、坐标文件（.txt）</p>
        </Upload.Dragger>
      </div>
      <Form.Item label="坐标系" extra="文件自带坐标系说明（.prj、坐标文件的带号等）时可自动识别；不确定时请向数据提供单位确认。" style={{ marginTop: 12 }}>
        <Select data-testid="import-crs" value={crs} onChange={onCrs} options={CRS_OPTIONS} disabled={busy} />
      </Form.Item>
      {layerNames.length > 1 && (
        <Form.Item label="压缩包中有多个图层，请选择一个" required>
          <Select
            data-testid="import-zip-layer"
            value={layer}
            placeholder="选择图层"
            onChange={onLayer}
            options={layerNames.map((name) => ({ value: name, label: name }))}
            disabled={busy}
          />
        </Form.Item>
      )}
      <Button type="primary" block data-testid="import-parse" disabled={!file || busy || needsLayer} loading={busy} onClick={onParse}>
        解析并预览
      </Button>
    </Form>
  );
}
