import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Radio, Select, Space, Typography } from 'antd';
import type { Polygon } from 'geojson';
import { useRef, useState, type ReactNode } from 'react';
import { ACCEPTED_FILES, CRS_OPTIONS } from '../../blueprint/import/crs-options';
import { parseGeoFile } from '../../blueprint/import/import.api';
import { formatMu } from './siting-format';
import { siteCandidates, type SiteCandidate } from './site-candidates';

export interface SiteFileImportProps {
  /** The chosen polygon; returns false when the drawing tool refused it. */
  onSite(geometry: Polygon, label: string): boolean;
  /** More buttons on the same row. */
  children?: ReactNode;
}

/** 导入文件: a 坐标文件, zipped shapefile, GeoJSON or KML read by the server; one polygon becomes the site. */
export function SiteFileImport({ onSite, children }: SiteFileImportProps) {
  const input = useRef<HTMLInputElement>(null);
  const [crs, setCrs] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<SiteCandidate[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [zip, setZip] = useState<{ file: File; names: string[]; chosen: string } | null>(null);

  const use = (candidate: SiteCandidate) => {
    if (candidate.holes > 0) return setError(`“${candidate.label}”含 ${candidate.holes} 个内环（洞）；选址范围须为不带洞的单个面，请去掉内环后再导入`);
    if (onSite(candidate.geometry, candidate.label)) setChoices(null);
  };

  const read = async (file: File, layer?: string) => {
    setBusy(true);
    setError(null);
    try {
      const parsed = await parseGeoFile({ file, crs: crs || undefined, layer });
      if (parsed.layers?.length && !parsed.features.features.length) {
        // A zip with several shapefiles: which one holds the site is not guessed; ask.
        setZip({ file, names: parsed.layers, chosen: parsed.layers[0]! });
        return;
      }
      const list = siteCandidates(parsed.features);
      if (!list.length) return setError('文件中没有面要素：选址范围须为面（多边形）');
      if (list.length === 1) return use(list[0]!);
      setChosen(list[0]!.key);
      setChoices(list);
    } catch (e) {
      setError(e instanceof Error ? e.message : '文件读取失败');
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <>
      <Space wrap size={6}>
        <Space.Compact>
        <Select size="small" value={crs} onChange={setCrs} options={CRS_OPTIONS} style={{ width: 150 }} aria-label="坐标系" popupMatchSelectWidth={false} data-testid="siting-import-crs" />
        <Button size="small" icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()} data-testid="siting-import">
          导入文件
        </Button>
        </Space.Compact>
        {children}
      </Space>
      <input
        ref={input}
        type="file"
        accept={ACCEPTED_FILES}
        hidden
        data-testid="siting-import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void read(file);
        }}
      />
      {error && <Alert type="error" showIcon closable onClose={() => setError(null)} message={error} data-testid="siting-import-error" />}
      <Modal
        open={!!zip}
        title="压缩包中有多个图层，请选择一个"
        okText="读取"
        cancelText="取消"
        onOk={() => {
          if (zip) void read(zip.file, zip.chosen);
          setZip(null);
        }}
        onCancel={() => setZip(null)}
      >
        <Radio.Group value={zip?.chosen} onChange={(e) => zip && setZip({ ...zip, chosen: e.target.value as string })}>
          <Space orientation="vertical">
            {zip?.names.map((n) => (
              <Radio key={n} value={n}>
                {n}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Modal>
      <Modal
        open={!!choices}
        title="文件中有多个地块，请选择一个作为选址范围"
        okText="作为选址范围"
        cancelText="取消"
        onOk={() => {
          const c = choices?.find((x) => x.key === chosen);
          if (c) use(c);
        }}
        onCancel={() => setChoices(null)}
        okButtonProps={{ 'data-testid': 'siting-import-choose' } as Record<`data-${string}`, string>}
      >
        <Radio.Group value={chosen} onChange={(e) => setChosen(e.target.value as string)} data-testid="siting-import-choices">
          <Space orientation="vertical">
            {choices?.map((c) => (
              <Radio key={c.key} value={c.key} data-testid={`siting-import-choice-${c.key}`}>
                {c.label} <Typography.Text type="secondary">约 {formatMu(c.mu)}{c.holes ? `，含 ${c.holes} 个内环` : ''}</Typography.Text>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Modal>
    </>
  );
}
